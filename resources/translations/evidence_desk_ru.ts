<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Exhibit</source>
        <translation>Экспонат</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Captured at</source>
        <translation>Время съёмки</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Получено от</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Event hash %1
previous %2
%3</source>
        <translation>Хеш события %1
предыдущий %2
%3</translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>Redacted bundles show the exhibit number instead of a title unless the title was set by hand and marked here; a title that is the file name is never published.</source>
        <translation>В редактированных пакетах вместо названия показывается номер вещественного доказательства, если название не задано вручную и не отмечено здесь; название, совпадающее с именем файла, не публикуется никогда.</translation>
    </message>
    <message>
        <source>Publishable</source>
        <translation>Можно публиковать</translation>
    </message>
    <message>
        <source>Title and description may be published</source>
        <translation>Название и описание можно публиковать</translation>
    </message>
    <message>
        <source>What the item shows, where and when</source>
        <translation>Что изображено, где и когда</translation>
    </message>
    <message>
        <source>Research notes (not shown in public exports)</source>
        <translation>Рабочие заметки (не попадают в публичный экспорт)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Жаңаөзен, detention</source>
        <translation>Через запятую, например: Жаңаөзен, задержание</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation>Доступ:</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Выберите материал, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>По размеру</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Открыть в системной программе</translation>
    </message>
    <message>
        <source>Opens a read-only working copy; the original in the archive is not touched.</source>
        <translation>Открывает рабочую копию только для чтения; оригинал в архиве не затрагивается.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Метаданные</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Цепочка хранения</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Похожие</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Загрузка просмотра…</translation>
    </message>
    <message>
        <source>Open with system player</source>
        <translation>Открыть в системном проигрывателе</translation>
    </message>
    <message>
        <source>Poster frame · %1</source>
        <translation>Кадр-обложка · %1</translation>
    </message>
    <message>
        <source>Audio · %1</source>
        <translation>Аудио · %1</translation>
    </message>
    <message>
        <source>No preview could be made of this file (%1). The original is safe.</source>
        <translation>Не удалось построить просмотр этого файла (%1). Оригинал не пострадал.</translation>
    </message>
    <message>
        <source>No preview for this kind of file.</source>
        <translation>Для этого типа файлов просмотр недоступен.</translation>
    </message>
    <message>
        <source>%1 × %2 px · wheel to zoom, drag to pan</source>
        <translation>%1 × %2 пикс. · колесо — масштаб, перетаскивание — сдвиг</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Ни одна программа не смогла открыть %1</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>publication mark</source>
        <translation>отметку о публикации</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Изменение: %1 у %2</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>уровень доступа</translation>
    </message>
    <message>
        <source>Add tags %1 to %2 items</source>
        <translation>Добавить метки %1 к материалам (%2)</translation>
    </message>
    <message>
        <source>Remove tags %1 from %2 items</source>
        <translation>Снять метки %1 с материалов (%2)</translation>
    </message>
    <message>
        <source>Change tags %1 on %2 items</source>
        <translation>Изменить метки %1 у материалов (%2)</translation>
    </message>
    <message>
        <source>Mark %1 and %2 as same scene</source>
        <translation>Отметить %1 и %2 как одну сцену</translation>
    </message>
    <message>
        <source>Unmark %1 and %2 as same scene</source>
        <translation>Снять отметку «одна сцена» с %1 и %2</translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation>отмена: %1</translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Скопировать в буфер обмена</translation>
    </message>
    <message>
        <source>Exhibit:</source>
        <translation>Экспонат:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>Perceptual hash:</source>
        <translation>Перцептивный хеш:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Captured at:</source>
        <translation>Время съёмки:</translation>
    </message>
    <message>
        <source> (time zone unknown)</source>
        <translation> (часовой пояс неизвестен)</translation>
    </message>
    <message>
        <source>Time source:</source>
        <translation>Источник времени:</translation>
    </message>
    <message>
        <source>Captured (UTC):</source>
        <translation>Съёмка (UTC):</translation>
    </message>
    <message>
        <source>Time note:</source>
        <translation>Примечание о времени:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>GPS:</source>
        <translation>GPS:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>Размеры:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Ingested (UTC):</source>
        <translation>Принято в архив (UTC):</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>Записано:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Предупреждение:</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Убрано:</translation>
    </message>
    <message>
        <source>removed from the catalogue; the original is kept in the store</source>
        <translation>убрано из каталога; оригинал сохранён в хранилище</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search titles, notes, tags, file names and metadata (Ctrl+F)</source>
        <translation>Поиск по названиям, заметкам, меткам, именам файлов и метаданным (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Любой тип</translation>
    </message>
    <message>
        <source>Any sensitivity</source>
        <translation>Любой доступ</translation>
    </message>
    <message>
        <source>GPS: any</source>
        <translation>GPS: любые</translation>
    </message>
    <message>
        <source>With GPS</source>
        <translation>С GPS</translation>
    </message>
    <message>
        <source>Without GPS</source>
        <translation>Без GPS</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>С предупреждениями</translation>
    </message>
    <message>
        <source>Captured from</source>
        <translation>Снято с</translation>
    </message>
    <message>
        <source>Click to stop filtering by this tag</source>
        <translation>Нажмите, чтобы снять фильтр по этой метке</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>Сохранить поиск…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import in progress</source>
        <translation>Идёт импорт</translation>
    </message>
    <message>
        <source>Wait for the current import to finish, or cancel it, first.</source>
        <translation>Дождитесь окончания текущего импорта или отмените его.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Импорт остановлен: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотографии</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio recordings</source>
        <translation>Аудиозаписи</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Другие файлы</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Открытый</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Ограниченный</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Конфиденциальный</translation>
    </message>
    <message>
        <source>USB drive or memory card</source>
        <translation>USB-накопитель или карта памяти</translation>
    </message>
    <message>
        <source>Phone dump (full device copy)</source>
        <translation>Образ телефона (полная копия устройства)</translation>
    </message>
    <message>
        <source>Telegram export</source>
        <translation>Экспорт из Telegram</translation>
    </message>
    <message>
        <source>WhatsApp export</source>
        <translation>Экспорт из WhatsApp</translation>
    </message>
    <message>
        <source>Signal export</source>
        <translation>Экспорт из Signal</translation>
    </message>
    <message>
        <source>Email attachment</source>
        <translation>Вложение электронного письма</translation>
    </message>
    <message>
        <source>Website or social media download</source>
        <translation>Загрузка с сайта или из соцсетей</translation>
    </message>
    <message>
        <source>Cloud share link</source>
        <translation>Ссылка на облачное хранилище</translation>
    </message>
    <message>
        <source>Hand-delivered device</source>
        <translation>Устройство, переданное лично</translation>
    </message>
    <message>
        <source>Scan of a paper document</source>
        <translation>Скан бумажного документа</translation>
    </message>
    <message>
        <source>Recorded interview</source>
        <translation>Записанное интервью</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>ТБ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>file modification time (may reflect copying, not capture)</source>
        <translation>время изменения файла (может отражать копирование, а не съёмку)</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>имя файла</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>осталось около %1 с</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>осталось около %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Archive…</source>
        <translation>&amp;Новый архив…</translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>&amp;Открыть архив…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импорт файлов…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Выделить &amp;всё</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Add &amp;Tags…</source>
        <translation>Добавить &amp;метки…</translation>
    </message>
    <message>
        <source>R&amp;emove Tags…</source>
        <translation>Сн&amp;ять метки…</translation>
    </message>
    <message>
        <source>Remove from Catalogue…</source>
        <translation>Убрать из каталога…</translation>
    </message>
    <message>
        <source>Restore Removed Items</source>
        <translation>Восстановить убранные материалы</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>Копировать SHA-256</translation>
    </message>
    <message>
        <source>Open Working Copy Externally</source>
        <translation>Открыть рабочую копию во внешней программе</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Таблица</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Сетка</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Verify Archive…</source>
        <translation>&amp;Проверить архив…</translation>
    </message>
    <message>
        <source>&amp;About Evidence Desk</source>
        <translation>&amp;О программе Evidence Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние архивы</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Сортировать по</translation>
    </message>
    <message>
        <source>Reverse Order</source>
        <translation>Обратный порядок</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Set &amp;Sensitivity</source>
        <translation>Уровень &amp;доступа</translation>
    </message>
    <message>
        <source>Evidence Desk</source>
        <translation>Evidence Desk</translation>
    </message>
    <message>
        <source>Evidence Desk — %1</source>
        <translation>Evidence Desk — %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Не удалось открыть архив: %1</translation>
    </message>
    <message>
        <source>The archive was upgraded; a backup was saved to %1</source>
        <translation>Архив обновлён; резервная копия сохранена в %1</translation>
    </message>
    <message>
        <source>Open archive folder</source>
        <translation>Открыть папку архива</translation>
    </message>
    <message>
        <source>(no recent archives)</source>
        <translation>(нет недавних архивов)</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
    <message>
        <source>An import or verification is running; wait for it or cancel it first.</source>
        <translation>Идёт импорт или проверка; дождитесь окончания или отмените.</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <source>That item is not in the current list.</source>
        <translation>Этого материала нет в текущем списке.</translation>
    </message>
    <message>
        <source>restored from the Removed items list</source>
        <translation>восстановлено из списка убранных материалов</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>About Evidence Desk</source>
        <translation>О программе Evidence Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Evidence Desk %1&lt;/h3&gt;&lt;p&gt;An offline archive for evidence of human-rights violations: originals kept bit for bit, hashed on intake, with provenance and a hash-chained custody log.&lt;/p&gt;&lt;p&gt;Evidence Desk never opens a network connection.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Evidence Desk %1&lt;/h3&gt;&lt;p&gt;Автономный архив доказательств нарушений прав человека: оригиналы хранятся бит в бит, хешируются при приёме, с записью происхождения и журналом хранения, связанным хешами.&lt;/p&gt;&lt;p&gt;Evidence Desk никогда не устанавливает сетевых соединений.&lt;/p&gt;&lt;p&gt;Лицензия: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Идёт импорт</translation>
    </message>
    <message>
        <source>An import is running. Stop it after the current file and quit? Files already imported stay in the archive.</source>
        <translation>Идёт импорт. Остановить его после текущего файла и выйти? Уже импортированные файлы останутся в архиве.</translation>
    </message>
</context>
<context>
    <name>MetadataTree</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Exported by:</source>
        <translation>Экспортировал:</translation>
    </message>
    <message>
        <source>How bundles name who exported them. A redacted bundle without it names the organisation, never your user name.</source>
        <translation>Как пакеты называют того, кто их экспортировал. Без этого редактированный пакет называет организацию, но никогда не имя вашей учётной записи.</translation>
    </message>
    <message>
        <source>An organisation or a pseudonym</source>
        <translation>Организация или псевдоним</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Recorded as the actor of every custody event</source>
        <translation>Записывается как исполнитель каждого события хранения</translation>
    </message>
    <message>
        <source>A new language is used the next time Evidence Desk starts.</source>
        <translation>Новый язык будет применён при следующем запуске Evidence Desk.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Collector name:</source>
        <translation>Имя собирающего:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Original path</source>
        <translation>Исходный путь</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Получено от</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Собирающий</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Записано (UTC)</translation>
    </message>
    <message>
        <source>File modified (UTC)</source>
        <translation>Файл изменён (UTC)</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>Пакет импорта</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Поступление %1</translation>
    </message>
    <message>
        <source>No provenance recorded.</source>
        <translation>Происхождение не записано.</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Import evidence</source>
        <translation>Импорт доказательств</translation>
    </message>
    <message>
        <source>Person, organisation or channel that handed the files over</source>
        <translation>Человек, организация или канал, передавшие файлы</translation>
    </message>
    <message>
        <source>How the files reached you</source>
        <translation>Как файлы попали к вам</translation>
    </message>
    <message>
        <source>Your name (remembered for next time)</source>
        <translation>Ваше имя (запоминается)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Circumstances of the hand-over, consent, anything a court may ask later</source>
        <translation>Обстоятельства передачи, согласие — всё, о чём позже может спросить суд</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Получено от:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ:</translation>
    </message>
    <message>
        <source>Collector:</source>
        <translation>Собирающий:</translation>
    </message>
    <message>
        <source>Acquisition date:</source>
        <translation>Дата получения:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Originals are copied into the archive unchanged and hashed (SHA-256); the files you picked are never modified.</source>
        <translation>Оригиналы копируются в архив без изменений и хешируются (SHA-256); выбранные файлы никогда не изменяются.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> и ещё %1</translation>
    </message>
    <message>
        <source>Import %1 (folders are imported with everything inside):</source>
        <translation>Импорт: %1 (папки импортируются со всем содержимым):</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message>
        <source>Remove from catalogue</source>
        <translation>Убрать из каталога</translation>
    </message>
    <message>
        <source>Reason (required, kept in the custody log)</source>
        <translation>Причина (обязательно, сохраняется в журнале хранения)</translation>
    </message>
    <message>
        <source>I understand this removal is logged</source>
        <translation>Я понимаю, что удаление записывается в журнал</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Copy all</source>
        <translation>Копировать всё</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>Files from %1</source>
        <translation>Файлы из %1</translation>
    </message>
    <message>
        <source>The import was cancelled: the files listed are safely in the archive; the rest were not imported.</source>
        <translation>Импорт отменён: перечисленные файлы надёжно сохранены в архиве, остальные не импортированы.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Экспонат</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Итоги импорта</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Отсутствует</translation>
    </message>
    <message>
        <source>Altered</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>Лишний</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Журнал хранения</translation>
    </message>
    <message>
        <source>Verification was cancelled after %1 objects.</source>
        <translation>Проверка отменена после %1 объектов.</translation>
    </message>
    <message>
        <source>All %1 originals are intact (%2 bytes re-hashed) and the custody log of %3 events is unbroken.</source>
        <translation>Все оригиналы (%1) целы (перехешировано байт: %2), журнал хранения из %3 событий не нарушен.</translation>
    </message>
    <message>
        <source>PROBLEMS FOUND: %1. %2 originals re-hashed, %3 custody events checked.</source>
        <translation>ОБНАРУЖЕНЫ ПРОБЛЕМЫ: %1. Перехешировано оригиналов: %2, проверено событий хранения: %3.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>Отчёт о проверке</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All items</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>(none yet: use “Save search…”)</source>
        <translation>(пока нет: «Сохранить поиск…»)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Типы</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>(no tags yet)</source>
        <translation>(меток пока нет)</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Removed items</source>
        <translation>Убранные материалы</translation>
    </message>
    <message>
        <source>Delete saved search “%1”</source>
        <translation>Удалить сохранённый поиск «%1»</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Mark as same scene</source>
        <translation>Отметить как одну сцену</translation>
    </message>
    <message>
        <source>Unmark</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Show in catalogue</source>
        <translation>Показать в каталоге</translation>
    </message>
    <message>
        <source>Looking for similar items…</source>
        <translation>Поиск похожих материалов…</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>связан</translation>
    </message>
    <message>
        <source>%1 bits apart</source>
        <translation>различие %1 бит</translation>
    </message>
    <message>
        <source>%1 near-duplicates or linked items (closest first).</source>
        <translation>Почти дубликатов или связанных материалов: %1 (сначала самые близкие).</translation>
    </message>
    <message>
        <source>No similar items in the archive.</source>
        <translation>В архиве нет похожих материалов.</translation>
    </message>
    <message>
        <source>This item has no perceptual hash (only photos and videos have one).</source>
        <translation>У этого материала нет перцептивного хеша (он есть только у фото и видео).</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Remove tags</source>
        <translation>Снять метки</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Добавить метки</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>%1: stopping after the current file…</source>
        <translation>%1: остановка после текущего файла…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 files</source>
        <translation>%1: %2 из %3 файлов</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
</context>
<context>
    <name>VerifyController</name>
    <message>
        <source>Verifying</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Проверка не удалась</translation>
    </message>
    <message>
        <source>Verification stopped: %1</source>
        <translation>Проверка остановлена: %1</translation>
    </message>
</context>
</TS>
