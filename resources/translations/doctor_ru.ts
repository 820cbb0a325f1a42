<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Archive Health</source>
        <translation>Состояние архива</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Архив: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>&amp;Repair What Is Safe</source>
        <translation>&amp;Исправить безопасное</translation>
    </message>
    <message>
        <source>Removes temporary copies, half-written backups and leftovers of interrupted ingests (each removal recorded in custody) and puts back protective triggers. Nothing an item refers to is changed.</source>
        <translation>Удаляет временные копии, недописанные резервные копии и остатки прерванных приёмов (каждое удаление записывается в журнал хранения) и восстанавливает защитные триггеры. Ничто, на что ссылается запись, не меняется.</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>Восстановить из &amp;резервной копии…</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Проверить &amp;снова</translation>
    </message>
    <message>
        <source>Repairing what is safe…</source>
        <translation>Исправление безопасного…</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>Проверка архива…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Put the newest backup that passes SQLite&apos;s check in place of the damaged database?

The damaged file is kept in backups/, never deleted. Exhibit numbers given out after the backup are never given again. The restore is recorded in the custody log. Items ingested after the backup are not in it: their originals stay in the store and the report says how many.</source>
        <translation>Поставить на место повреждённой базы данных самую новую резервную копию, прошедшую проверку SQLite?

Повреждённый файл сохраняется в backups/ и никогда не удаляется. Номера вещественных доказательств, выданные после резервной копии, больше не выдаются. Восстановление записывается в журнал хранения. Записей, принятых после резервной копии, в ней нет: их оригиналы остаются в хранилище, и отчёт говорит, сколько их.</translation>
    </message>
    <message>
        <source>Restoring the database from the newest good backup…</source>
        <translation>Восстановление базы данных из самой новой исправной резервной копии…</translation>
    </message>
    <message>
        <source>The database was restored from %1 (%2 items).</source>
        <translation>База данных восстановлена из %1 (записей: %2).</translation>
    </message>
    <message>
        <source>The damaged database is kept as %1.</source>
        <translation>Повреждённая база данных сохранена как %1.</translation>
    </message>
    <message>
        <source>%1 original(s) in the store are not in the restored catalogue (stored after that backup): import their sources again.</source>
        <translation>Оригиналов в хранилище, которых нет в восстановленном каталоге (сохранены после этой резервной копии): %1. Импортируйте их источники снова.</translation>
    </message>
    <message>
        <source>The check stopped: %1</source>
        <translation>Проверка остановлена: %1</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Исправлено</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>В порядке</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>The archive&apos;s database is damaged.</source>
        <translation>База данных архива повреждена.</translation>
    </message>
    <message>
        <source>Nothing in the archive was changed. Restore the newest good backup to work with the archive again.</source>
        <translation>В архиве ничего не изменено. Восстановите самую новую исправную резервную копию, чтобы снова работать с архивом.</translation>
    </message>
    <message>
        <source>No usable backup was found in the archive&apos;s backups folder. Copy the database back from a copy of the archive kept elsewhere.</source>
        <translation>В папке резервных копий архива не найдено пригодной копии. Скопируйте базу данных из копии архива, хранящейся в другом месте.</translation>
    </message>
    <message>
        <source>The archive is healthy.</source>
        <translation>Архив в порядке.</translation>
    </message>
    <message>
        <source>Problems were found.</source>
        <translation>Найдены проблемы.</translation>
    </message>
    <message>
        <source>“Repair What Is Safe” fixes what can be fixed without judgement.</source>
        <translation>«Исправить безопасное» исправляет то, что можно исправить, не принимая решений за вас.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Открытие</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Носитель</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Схема</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Журнал хранения</translation>
    </message>
    <message>
        <source>Evidentiary records</source>
        <translation>Доказательные записи</translation>
    </message>
    <message>
        <source>Protective triggers</source>
        <translation>Защитные триггеры</translation>
    </message>
    <message>
        <source>Catalogue counts</source>
        <translation>Счётчики каталога</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Interrupted ingests</source>
        <translation>Прерванные приёмы</translation>
    </message>
    <message>
        <source>Temporary copies</source>
        <translation>Временные копии</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Свободное место</translation>
    </message>
    <message>
        <source>The archive&apos;s database is damaged</source>
        <translation>База данных архива повреждена</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Не удалось открыть архив: %1</translation>
    </message>
    <message>
        <source>Check its health to see what can be saved, and restore a backup if there is one.</source>
        <translation>Проверьте его состояние, чтобы увидеть, что можно спасти, и восстановите резервную копию, если она есть.</translation>
    </message>
    <message>
        <source>Check Archive Health…</source>
        <translation>Проверить состояние архива…</translation>
    </message>
    <message>
        <source>Check Archive &amp;Health…</source>
        <translation>Проверить &amp;состояние архива…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Ключи</translation>
    </message>
</context>
<context>
    <name>ReadOnlyArchive</name>
    <message>
        <source>Read-only archive</source>
        <translation>Архив только для чтения</translation>
    </message>
    <message>
        <source>The archive %1 is on a read-only medium: nothing can be added or changed there. It can still be searched, verified and exported from.</source>
        <translation>Архив %1 находится на носителе только для чтения: в нём ничего нельзя добавить или изменить. Его по-прежнему можно просматривать, проверять и экспортировать из него.</translation>
    </message>
    <message>
        <source>The disk holding the archive %1 is full: nothing can be added or changed until space is freed. It can still be searched, verified and exported from.</source>
        <translation>Диск с архивом %1 заполнен: ничего нельзя добавить или изменить, пока не освободится место. Архив по-прежнему можно просматривать, проверять и экспортировать из него.</translation>
    </message>
</context>
<context>
    <name>CatalogueViews</name>
    <message>
        <source>No archive is open.
Use File → Open Archive or File → New Archive.</source>
        <translation>Архив не открыт.
Выберите Файл → Открыть архив или Файл → Новый архив.</translation>
    </message>
</context>
</TS>
