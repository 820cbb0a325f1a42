<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BundleUi</name>
    <message numerus="yes">
        <source>%n exhibit(s) exported to %2.
Key fingerprint: %3</source>
        <translation>
            <numerusform>%n доказательство экспортировано в %2.
Отпечаток ключа: %3</numerusform>
            <numerusform>%n доказательства экспортированы в %2.
Отпечаток ключа: %3</numerusform>
            <numerusform>%n доказательств экспортировано в %2.
Отпечаток ключа: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) left out (see the bundle's report).</source>
        <translation>
            <numerusform>%n материал не включён (см. отчёт пакета).</numerusform>
            <numerusform>%n материала не включены (см. отчёт пакета).</numerusform>
            <numerusform>%n материалов не включено (см. отчёт пакета).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleVerifyDialog</name>
    <message numerus="yes">
        <source>The bundle FAILED the check: %n problem(s).</source>
        <translation>
            <numerusform>Пакет НЕ ПРОШЁЛ проверку: %n проблема.</numerusform>
            <numerusform>Пакет НЕ ПРОШЁЛ проверку: %n проблемы.</numerusform>
            <numerusform>Пакет НЕ ПРОШЁЛ проверку: %n проблем.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseUI</name>
    <message numerus="yes">
        <source>%Ln chat message(s)</source>
        <translation>
            <numerusform>%Ln сообщение чата</numerusform>
            <numerusform>%Ln сообщения чата</numerusform>
            <numerusform>%Ln сообщений чата</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (recorded when the person is saved)</source>
        <translation>%1 (будет записано при сохранении человека)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln инцидент</numerusform>
            <numerusform>%Ln инцидента</numerusform>
            <numerusform>%Ln инцидентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln материал</numerusform>
            <numerusform>%Ln материала</numerusform>
            <numerusform>%Ln материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a capture time</source>
        <translation>
            <numerusform>%Ln без времени съёмки</numerusform>
            <numerusform>%Ln без времени съёмки</numerusform>
            <numerusform>%Ln без времени съёмки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n материал</numerusform>
            <numerusform>%n материала</numerusform>
            <numerusform>%n материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) placed by GPS.</source>
        <translation>
            <numerusform>По GPS размещён %n материал.</numerusform>
            <numerusform>По GPS размещены %n материала.</numerusform>
            <numerusform>По GPS размещено %n материалов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n человек</numerusform>
            <numerusform>%n человека</numerusform>
            <numerusform>%n человек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linked %n item(s) to %2</source>
        <translation>
            <numerusform>С %2 связан %n материал</numerusform>
            <numerusform>С %2 связаны %n материала</numerusform>
            <numerusform>С %2 связано %n материалов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sensitive: names hidden in redacted exports</source>
        <translation>Чувствительные данные: имена скрыты в обезличенных экспортах</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected item(s)</source>
        <translation>
            <numerusform>Выбранный материал (%n)</numerusform>
            <numerusform>Выбранные материалы (%n)</numerusform>
            <numerusform>Выбранные материалы (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueGrid</name>
    <message>
        <source>Sensitivity: %1</source>
        <translation>Конфиденциальность: %1</translation>
    </message>
    <message>
        <source>green dot</source>
        <translation>зелёная точка</translation>
    </message>
    <message>
        <source>orange dot</source>
        <translation>оранжевая точка</translation>
    </message>
    <message>
        <source>red dot</source>
        <translation>красная точка</translation>
    </message>
</context>
<context>
    <name>CatalogueViews</name>
    <message>
        <source>No removed items.</source>
        <translation>Убранных материалов нет.</translation>
    </message>
    <message>
        <source>Nothing matches this search.
Change the words or clear the filters.</source>
        <translation>По этому запросу ничего не найдено.
Измените слова или сбросьте фильтры.</translation>
    </message>
    <message>
        <source>The archive is empty.
Drop files or folders here, or use File → Import.</source>
        <translation>Архив пуст.
Перетащите сюда файлы или папки либо выберите Файл → Импорт.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message numerus="yes">
        <source>%Ln item(s) selected. Changes here apply to all of them, and each change is written to every item's custody log.</source>
        <translation>
            <numerusform>Выбран %Ln материал. Изменения здесь применяются ко всем, и каждое записывается в журнал хранения каждого материала.</numerusform>
            <numerusform>Выбрано %Ln материала. Изменения здесь применяются ко всем, и каждое записывается в журнал хранения каждого материала.</numerusform>
            <numerusform>Выбрано %Ln материалов. Изменения здесь применяются ко всем, и каждое записывается в журнал хранения каждого материала.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message numerus="yes">
        <source>Remove %n item(s) from the catalogue</source>
        <translation>
            <numerusform>Убрать %n материал из каталога</numerusform>
            <numerusform>Убрать %n материала из каталога</numerusform>
            <numerusform>Убрать %n материалов из каталога</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n item(s)</source>
        <translation>
            <numerusform>Восстановить %n материал</numerusform>
            <numerusform>Восстановить %n материала</numerusform>
            <numerusform>Восстановить %n материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set sensitivity of %n item(s) to %2</source>
        <translation>
            <numerusform>Установить конфиденциальность «%2» для %n материала</numerusform>
            <numerusform>Установить конфиденциальность «%2» для %n материалов</numerusform>
            <numerusform>Установить конфиденциальность «%2» для %n материалов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Check:</source>
        <translation>Проверьте:</translation>
    </message>
    <message>
        <source>The capture time is later than the acquisition date (%1): the device clock or the acquisition date is probably wrong.</source>
        <translation>Время съёмки позже даты получения (%1): вероятно, неверны часы устройства или дата получения.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Tag: %1</source>
        <translation>Метка: %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n item(s) already in this archive gain the sender's provenance and history.</source>
        <translation>
            <numerusform>%n материал уже есть в архиве и получит происхождение и историю от отправителя.</numerusform>
            <numerusform>%n материала уже есть в архиве и получат происхождение и историю от отправителя.</numerusform>
            <numerusform>%n материалов уже есть в архиве и получат происхождение и историю от отправителя.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) will be added.</source>
        <translation>
            <numerusform>Будет добавлен %n новый материал.</numerusform>
            <numerusform>Будут добавлены %n новых материала.</numerusform>
            <numerusform>Будет добавлено %n новых материалов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показание</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%1 из %Ln материала</numerusform>
            <numerusform>%1 из %Ln материалов</numerusform>
            <numerusform>%1 из %Ln материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln материал</numerusform>
            <numerusform>%Ln материала</numerusform>
            <numerusform>%Ln материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed item(s)</source>
        <translation>
            <numerusform>%Ln убранный материал</numerusform>
            <numerusform>%Ln убранных материала</numerusform>
            <numerusform>%Ln убранных материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>Выбран %Ln</numerusform>
            <numerusform>Выбрано %Ln</numerusform>
            <numerusform>Выбрано %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>%1 already exists and is not empty; choose another name.</source>
        <translation>%1 уже существует и не пуста; выберите другое название.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>For example: Almaty January 2022</source>
        <translation>Например: Алматы, январь 2022</translation>
    </message>
    <message>
        <source>Give the archive a name.</source>
        <translation>Дайте архиву название.</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Расположение:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>Новый архив</translation>
    </message>
    <message>
        <source>The folder %1 will be created.</source>
        <translation>Будет создана папка %1.</translation>
    </message>
    <message>
        <source>The location %1 does not exist.</source>
        <translation>Расположение %1 не существует.</translation>
    </message>
    <message>
        <source>Where to create the archive folder</source>
        <translation>Где создать папку архива</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Last time: %1 (press the down arrow to reuse it)</source>
        <translation>В прошлый раз: %1 (нажмите стрелку вниз, чтобы выбрать снова)</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message numerus="yes">
        <source>Remove %Ln item(s) (%2) from the catalogue?

They will be hidden from the catalogue and searches. The originals stay in the archive's store, the removal is written to each item's custody log with your reason, and the items can be restored from “Removed items”.</source>
        <translation>
            <numerusform>Убрать из каталога %Ln материал (%2)?

Они будут скрыты из каталога и поиска. Оригиналы остаются в хранилище архива, удаление записывается в журнал хранения каждого материала с вашей причиной, а материалы можно восстановить из «Убранных материалов».</numerusform>
            <numerusform>Убрать из каталога %Ln материала (%2)?

Они будут скрыты из каталога и поиска. Оригиналы остаются в хранилище архива, удаление записывается в журнал хранения каждого материала с вашей причиной, а материалы можно восстановить из «Убранных материалов».</numerusform>
            <numerusform>Убрать из каталога %Ln материалов (%2)?

Они будут скрыты из каталога и поиска. Оригиналы остаются в хранилище архива, удаление записывается в журнал хранения каждого материала с вашей причиной, а материалы можно восстановить из «Убранных материалов».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n duplicate(s) (already in the archive)</source>
        <translation>
            <numerusform>%n дубликат (уже в архиве)</numerusform>
            <numerusform>%n дубликата (уже в архиве)</numerusform>
            <numerusform>%n дубликатов (уже в архиве)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n новый</numerusform>
            <numerusform>%n новых</numerusform>
            <numerusform>%n новых</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущен</numerusform>
            <numerusform>%n пропущено</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>marked as the same scene</source>
        <translation>отмечено как та же сцена</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Tags to add to %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Метки для %Ln выбранного материала, через запятую:</numerusform>
            <numerusform>Метки для %Ln выбранных материалов, через запятую:</numerusform>
            <numerusform>Метки для %Ln выбранных материалов, через запятую:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Метки, которые убрать у %Ln выбранного материала, через запятую:</numerusform>
            <numerusform>Метки, которые убрать у %Ln выбранных материалов, через запятую:</numerusform>
            <numerusform>Метки, которые убрать у %Ln выбранных материалов, через запятую:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message numerus="yes">
        <source>Linked %n message(s) to %2</source>
        <translation>
            <numerusform>С %2 связано %n сообщение</numerusform>
            <numerusform>С %2 связаны %n сообщения</numerusform>
            <numerusform>С %2 связано %n сообщений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentChooser</name>
    <message numerus="yes">
        <source>Link %n message(s) to the incident:</source>
        <translation>
            <numerusform>Связать %n сообщение с инцидентом:</numerusform>
            <numerusform>Связать %n сообщения с инцидентом:</numerusform>
            <numerusform>Связать %n сообщений с инцидентом:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveWarnings</name>
    <message>
        <source>The archive needs attention</source>
        <translation>Архив требует внимания</translation>
    </message>
    <message>
        <source>The work was done, but the archive reported the following. Run Tools › Verify Archive, or `evidence-desk doctor` for details.</source>
        <translation>Работа выполнена, но архив сообщил следующее. Подробности: Инструменты › Проверить архив или `evidence-desk doctor`.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
</context>
</TS>
