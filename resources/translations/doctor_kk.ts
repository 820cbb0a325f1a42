<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Archive Health</source>
        <translation>Мұрағаттың күйі</translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Мұрағат: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>&amp;Repair What Is Safe</source>
        <translation>Қауіпсізін &amp;түзету</translation>
    </message>
    <message>
        <source>Removes temporary copies, half-written backups and leftovers of interrupted ingests (each removal recorded in custody) and puts back protective triggers. Nothing an item refers to is changed.</source>
        <translation>Уақытша көшірмелерді, толық жазылмаған сақтық көшірмелерді және үзілген қабылдаулардың қалдықтарын жояды (әр жою сақтау журналына жазылады) және қорғаныш триггерлерін қайтарады. Жазба сілтейтін ештеңе өзгермейді.</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>&amp;Сақтық көшірмеден қалпына келтіру…</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Қайта &amp;тексеру</translation>
    </message>
    <message>
        <source>Repairing what is safe…</source>
        <translation>Қауіпсізі түзетілуде…</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>Мұрағат тексерілуде…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Put the newest backup that passes SQLite&apos;s check in place of the damaged database?

The damaged file is kept in backups/, never deleted. Exhibit numbers given out after the backup are never given again. The restore is recorded in the custody log. Items ingested after the backup are not in it: their originals stay in the store and the report says how many.</source>
        <translation>Зақымдалған дерекқордың орнына SQLite тексеруінен өткен ең жаңа сақтық көшірмені қою керек пе?

Зақымдалған файл backups/ ішінде сақталады, ешқашан жойылмайды. Сақтық көшірмеден кейін берілген айғақ нөмірлері қайта берілмейді. Қалпына келтіру сақтау журналына жазылады. Сақтық көшірмеден кейін қабылданған жазбалар онда жоқ: олардың түпнұсқалары қоймада қалады, есеп олардың санын айтады.</translation>
    </message>
    <message>
        <source>Restoring the database from the newest good backup…</source>
        <translation>Дерекқор ең жаңа жарамды сақтық көшірмеден қалпына келтірілуде…</translation>
    </message>
    <message>
        <source>The database was restored from %1 (%2 items).</source>
        <translation>Дерекқор %1 көшірмесінен қалпына келтірілді (жазбалар: %2).</translation>
    </message>
    <message>
        <source>The damaged database is kept as %1.</source>
        <translation>Зақымдалған дерекқор %1 ретінде сақталды.</translation>
    </message>
    <message>
        <source>%1 original(s) in the store are not in the restored catalogue (stored after that backup): import their sources again.</source>
        <translation>Қоймадағы қалпына келтірілген каталогта жоқ түпнұсқалар (сол сақтық көшірмеден кейін сақталған): %1. Олардың көздерін қайта импорттаңыз.</translation>
    </message>
    <message>
        <source>The check stopped: %1</source>
        <translation>Тексеру тоқтады: %1</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Түзетілді</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Дұрыс</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Мәселе</translation>
    </message>
    <message>
        <source>The archive&apos;s database is damaged.</source>
        <translation>Мұрағат дерекқоры зақымдалған.</translation>
    </message>
    <message>
        <source>Nothing in the archive was changed. Restore the newest good backup to work with the archive again.</source>
        <translation>Мұрағатта ештеңе өзгертілмеді. Мұрағатпен қайта жұмыс істеу үшін ең жаңа жарамды сақтық көшірмені қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>No usable backup was found in the archive&apos;s backups folder. Copy the database back from a copy of the archive kept elsewhere.</source>
        <translation>Мұрағаттың сақтық көшірмелер қалтасында жарамды көшірме табылмады. Дерекқорды басқа жерде сақталған мұрағат көшірмесінен көшіріп алыңыз.</translation>
    </message>
    <message>
        <source>The archive is healthy.</source>
        <translation>Мұрағат дұрыс күйде.</translation>
    </message>
    <message>
        <source>Problems were found.</source>
        <translation>Мәселелер табылды.</translation>
    </message>
    <message>
        <source>“Repair What Is Safe” fixes what can be fixed without judgement.</source>
        <translation>«Қауіпсізін түзету» сіз үшін шешім қабылдамай түзетуге болатынды түзетеді.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Дерекқор</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Тасымалдағыш</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Схема</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Сақтау журналы</translation>
    </message>
    <message>
        <source>Evidentiary records</source>
        <translation>Айғақтық жазбалар</translation>
    </message>
    <message>
        <source>Protective triggers</source>
        <translation>Қорғаныш триггерлері</translation>
    </message>
    <message>
        <source>Catalogue counts</source>
        <translation>Каталог есептегіштері</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Interrupted ingests</source>
        <translation>Үзілген қабылдаулар</translation>
    </message>
    <message>
        <source>Temporary copies</source>
        <translation>Уақытша көшірмелер</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Сақтық көшірмелер</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Бос орын</translation>
    </message>
    <message>
        <source>The archive&apos;s database is damaged</source>
        <translation>Мұрағат дерекқоры зақымдалған</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Мұрағатты ашу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Check its health to see what can be saved, and restore a backup if there is one.</source>
        <translation>Не сақтап қалуға болатынын көру үшін оның күйін тексеріңіз және сақтық көшірме болса, қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>Check Archive Health…</source>
        <translation>Мұрағат күйін тексеру…</translation>
    </message>
    <message>
        <source>Check Archive &amp;Health…</source>
        <translation>Мұрағат &amp;күйін тексеру…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Кілттер</translation>
    </message>
</context>
<context>
    <name>ReadOnlyArchive</name>
    <message>
        <source>Read-only archive</source>
        <translation>Тек оқуға арналған мұрағат</translation>
    </message>
    <message>
        <source>The archive %1 is on a read-only medium: nothing can be added or changed there. It can still be searched, verified and exported from.</source>
        <translation>%1 мұрағаты тек оқуға арналған тасымалдағышта: онда ештеңе қосуға да, өзгертуге де болмайды. Оны бұрынғыдай қарауға, тексеруге және одан экспорттауға болады.</translation>
    </message>
    <message>
        <source>The disk holding the archive %1 is full: nothing can be added or changed until space is freed. It can still be searched, verified and exported from.</source>
        <translation>%1 мұрағаты тұрған диск толы: орын босатылмайынша ештеңе қосуға да, өзгертуге де болмайды. Мұрағатты бұрынғыдай қарауға, тексеруге және одан экспорттауға болады.</translation>
    </message>
</context>
<context>
    <name>CatalogueViews</name>
    <message>
        <source>No archive is open.
Use File → Open Archive or File → New Archive.</source>
        <translation>Мұрағат ашылмаған.
Файл → Мұрағатты ашу немесе Файл → Жаңа мұрағат пәрменін таңдаңыз.</translation>
    </message>
</context>
</TS>
