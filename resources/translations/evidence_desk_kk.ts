<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Exhibit</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Captured at</source>
        <translation>Түсірілген уақыты</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Кімнен алынды</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Тегтер</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Құпиялылық</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Ескертулер</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Дереккөзі: %1</translation>
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
        <translation>Қашан (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Орындаушы</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Event hash %1
previous %2
%3</source>
        <translation>Оқиға хеші %1
алдыңғысы %2
%3</translation>
    </message>
</context>
<context>
    <name>DetailForm</name>
    <message>
        <source>Redacted bundles show the exhibit number instead of a title unless the title was set by hand and marked here; a title that is the file name is never published.</source>
        <translation>Өңделген бумаларда атаудың орнына айғақ нөмірі көрсетіледі, егер атау қолмен берілмесе және осы жерде белгіленбесе; файл атына сәйкес атау ешқашан жарияланбайды.</translation>
    </message>
    <message>
        <source>Publishable</source>
        <translation>Жариялауға болады</translation>
    </message>
    <message>
        <source>Title and description may be published</source>
        <translation>Атауы мен сипаттамасын жариялауға болады</translation>
    </message>
    <message>
        <source>What the item shows, where and when</source>
        <translation>Не көрсетілген, қайда және қашан</translation>
    </message>
    <message>
        <source>Research notes (not shown in public exports)</source>
        <translation>Жұмыс жазбалары (жария экспортқа кірмейді)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Жаңаөзен, detention</source>
        <translation>Үтір арқылы, мысалы: Жаңаөзен, ұстау</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Сипаттамасы:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Тегтер:</translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation>Құпиялылық:</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select an item to see its details.</source>
        <translation>Толығырақ көру үшін материалды таңдаңыз.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Сыйғызу</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Жүйелік бағдарламада ашу</translation>
    </message>
    <message>
        <source>Opens a read-only working copy; the original in the archive is not touched.</source>
        <translation>Тек оқуға арналған жұмыс көшірмесін ашады; мұрағаттағы түпнұсқаға тиіспейді.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Метадеректер</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Шығу тегі</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Сақтау тізбегі</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Ұқсас</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Алдын ала қарау жүктелуде…</translation>
    </message>
    <message>
        <source>Open with system player</source>
        <translation>Жүйелік ойнатқышта ашу</translation>
    </message>
    <message>
        <source>Poster frame · %1</source>
        <translation>Мұқаба кадры · %1</translation>
    </message>
    <message>
        <source>Audio · %1</source>
        <translation>Аудио · %1</translation>
    </message>
    <message>
        <source>No preview could be made of this file (%1). The original is safe.</source>
        <translation>Бұл файлды алдын ала қарау жасалмады (%1). Түпнұсқа сақталған.</translation>
    </message>
    <message>
        <source>No preview for this kind of file.</source>
        <translation>Бұл файл түрін алдын ала қарау мүмкін емес.</translation>
    </message>
    <message>
        <source>%1 × %2 px · wheel to zoom, drag to pan</source>
        <translation>%1 × %2 пикс. · дөңгелек — масштаб, сүйреу — жылжыту</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>%1 файлын ешбір бағдарлама аша алмады</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>publication mark</source>
        <translation>жариялау белгісін</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Өзгерту: %2 — %1</translation>
    </message>
    <message>
        <source>title</source>
        <translation>атауы</translation>
    </message>
    <message>
        <source>description</source>
        <translation>сипаттамасы</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>жазбалар</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>құпиялылық</translation>
    </message>
    <message>
        <source>Add tags %1 to %2 items</source>
        <translation>%2 материалға %1 тегтерін қосу</translation>
    </message>
    <message>
        <source>Remove tags %1 from %2 items</source>
        <translation>%2 материалдан %1 тегтерін алып тастау</translation>
    </message>
    <message>
        <source>Change tags %1 on %2 items</source>
        <translation>%2 материалда %1 тегтерін өзгерту</translation>
    </message>
    <message>
        <source>Mark %1 and %2 as same scene</source>
        <translation>%1 мен %2 бір көрініс деп белгілеу</translation>
    </message>
    <message>
        <source>Unmark %1 and %2 as same scene</source>
        <translation>%1 мен %2 «бір көрініс» белгісін алу</translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation>болдырмау: %1</translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>Exhibit:</source>
        <translation>Айғақ:</translation>
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
        <translation>Перцептивті хеш:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Өлшемі:</translation>
    </message>
    <message>
        <source>Captured at:</source>
        <translation>Түсірілген уақыты:</translation>
    </message>
    <message>
        <source> (time zone unknown)</source>
        <translation> (уақыт белдеуі белгісіз)</translation>
    </message>
    <message>
        <source>Time source:</source>
        <translation>Уақыт дереккөзі:</translation>
    </message>
    <message>
        <source>Captured (UTC):</source>
        <translation>Түсірілген (UTC):</translation>
    </message>
    <message>
        <source>Time note:</source>
        <translation>Уақыт туралы ескерту:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>GPS:</source>
        <translation>GPS:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Құрылғы:</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>Өлшемдері:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Ұзақтығы:</translation>
    </message>
    <message>
        <source>Ingested (UTC):</source>
        <translation>Мұрағатқа қабылданды (UTC):</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>Жазған:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Ескерту:</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Алынып тасталды:</translation>
    </message>
    <message>
        <source>removed from the catalogue; the original is kept in the store</source>
        <translation>каталогтан алынды; түпнұсқа қоймада сақтаулы</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search titles, notes, tags, file names and metadata (Ctrl+F)</source>
        <translation>Атаулар, жазбалар, тегтер, файл атаулары және метадеректер бойынша іздеу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Кез келген түр</translation>
    </message>
    <message>
        <source>Any sensitivity</source>
        <translation>Кез келген құпиялылық</translation>
    </message>
    <message>
        <source>GPS: any</source>
        <translation>GPS: кез келген</translation>
    </message>
    <message>
        <source>With GPS</source>
        <translation>GPS бар</translation>
    </message>
    <message>
        <source>Without GPS</source>
        <translation>GPS жоқ</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>Ескертулері бар</translation>
    </message>
    <message>
        <source>Captured from</source>
        <translation>Түсірілген күні</translation>
    </message>
    <message>
        <source>Click to stop filtering by this tag</source>
        <translation>Осы тег бойынша сүзуді тоқтату үшін басыңыз</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сүзгілерді тазалау</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>Іздеуді сақтау…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import in progress</source>
        <translation>Импорт жүріп жатыр</translation>
    </message>
    <message>
        <source>Wait for the current import to finish, or cancel it, first.</source>
        <translation>Ағымдағы импорттың аяқталуын күтіңіз немесе оны тоқтатыңыз.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Импорт тоқтады: %1</translation>
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
        <translation>Бейне</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотолар</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Бейнелер</translation>
    </message>
    <message>
        <source>Audio recordings</source>
        <translation>Аудиожазбалар</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Басқа файлдар</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Шектеулі</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Құпия</translation>
    </message>
    <message>
        <source>USB drive or memory card</source>
        <translation>USB жинақтағыш немесе жад картасы</translation>
    </message>
    <message>
        <source>Phone dump (full device copy)</source>
        <translation>Телефон бейнесі (құрылғының толық көшірмесі)</translation>
    </message>
    <message>
        <source>Telegram export</source>
        <translation>Telegram экспорты</translation>
    </message>
    <message>
        <source>WhatsApp export</source>
        <translation>WhatsApp экспорты</translation>
    </message>
    <message>
        <source>Signal export</source>
        <translation>Signal экспорты</translation>
    </message>
    <message>
        <source>Email attachment</source>
        <translation>Электрондық хат тіркемесі</translation>
    </message>
    <message>
        <source>Website or social media download</source>
        <translation>Сайттан немесе әлеуметтік желіден жүктеу</translation>
    </message>
    <message>
        <source>Cloud share link</source>
        <translation>Бұлттық қойма сілтемесі</translation>
    </message>
    <message>
        <source>Hand-delivered device</source>
        <translation>Қолма-қол берілген құрылғы</translation>
    </message>
    <message>
        <source>Scan of a paper document</source>
        <translation>Қағаз құжаттың сканы</translation>
    </message>
    <message>
        <source>Recorded interview</source>
        <translation>Жазылған сұхбат</translation>
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
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>file modification time (may reflect copying, not capture)</source>
        <translation>файлдың өзгертілген уақыты (түсіруді емес, көшіруді көрсетуі мүмкін)</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>файл атауы</translation>
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
        <translation>шамамен %1 с қалды</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>шамамен %1 қалды</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Archive…</source>
        <translation>&amp;Жаңа мұрағат…</translation>
    </message>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>Мұрағатты &amp;ашу…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Файлдарды &amp;импорттау…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Буманы импорттау…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Барлығын таңдау</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Іздеу</translation>
    </message>
    <message>
        <source>Add &amp;Tags…</source>
        <translation>&amp;Тег қосу…</translation>
    </message>
    <message>
        <source>R&amp;emove Tags…</source>
        <translation>Тегтерді &amp;алып тастау…</translation>
    </message>
    <message>
        <source>Remove from Catalogue…</source>
        <translation>Каталогтан алып тастау…</translation>
    </message>
    <message>
        <source>Restore Removed Items</source>
        <translation>Алынған материалдарды қалпына келтіру</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>SHA-256 көшіру</translation>
    </message>
    <message>
        <source>Open Working Copy Externally</source>
        <translation>Жұмыс көшірмесін сыртқы бағдарламада ашу</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Баптаулар…</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Кесте</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>&amp;Тор</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Жаңарту</translation>
    </message>
    <message>
        <source>&amp;Verify Archive…</source>
        <translation>Мұрағатты &amp;тексеру…</translation>
    </message>
    <message>
        <source>&amp;About Evidence Desk</source>
        <translation>Evidence Desk &amp;туралы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Соңғы мұрағаттар</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Т&amp;үзету</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Сұрыптау</translation>
    </message>
    <message>
        <source>Reverse Order</source>
        <translation>Кері рет</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Құралдар</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>Set &amp;Sensitivity</source>
        <translation>&amp;Құпиялылықты орнату</translation>
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
        <translation>%1 ашылуда…</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Мұрағатты ашу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>The archive was upgraded; a backup was saved to %1</source>
        <translation>Мұрағат жаңартылды; сақтық көшірме %1 ішіне сақталды</translation>
    </message>
    <message>
        <source>Open archive folder</source>
        <translation>Мұрағат бумасын ашу</translation>
    </message>
    <message>
        <source>(no recent archives)</source>
        <translation>(соңғы мұрағаттар жоқ)</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Күте тұрыңыз</translation>
    </message>
    <message>
        <source>An import or verification is running; wait for it or cancel it first.</source>
        <translation>Импорт немесе тексеру жүріп жатыр; аяқталуын күтіңіз немесе тоқтатыңыз.</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Файлдарды импорттау</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Буманы импорттау</translation>
    </message>
    <message>
        <source>That item is not in the current list.</source>
        <translation>Бұл материал ағымдағы тізімде жоқ.</translation>
    </message>
    <message>
        <source>restored from the Removed items list</source>
        <translation>алынған материалдар тізімінен қалпына келтірілді</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Іздеуді сақтау</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>About Evidence Desk</source>
        <translation>Evidence Desk туралы</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Evidence Desk %1&lt;/h3&gt;&lt;p&gt;An offline archive for evidence of human-rights violations: originals kept bit for bit, hashed on intake, with provenance and a hash-chained custody log.&lt;/p&gt;&lt;p&gt;Evidence Desk never opens a network connection.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Evidence Desk %1&lt;/h3&gt;&lt;p&gt;Адам құқықтарының бұзылуы туралы айғақтардың желіден тыс мұрағаты: түпнұсқалар бит-бітке сақталады, қабылдау кезінде хештеледі, шығу тегі мен хештер тізбегімен байланысқан сақтау журналы жүргізіледі.&lt;/p&gt;&lt;p&gt;Evidence Desk ешқашан желіге қосылмайды.&lt;/p&gt;&lt;p&gt;Лицензия: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Импорт жүріп жатыр</translation>
    </message>
    <message>
        <source>An import is running. Stop it after the current file and quit? Files already imported stay in the archive.</source>
        <translation>Импорт жүріп жатыр. Ағымдағы файлдан кейін тоқтатып, шығу керек пе? Импортталған файлдар мұрағатта қалады.</translation>
    </message>
</context>
<context>
    <name>MetadataTree</name>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Exported by:</source>
        <translation>Экспорттаған:</translation>
    </message>
    <message>
        <source>How bundles name who exported them. A redacted bundle without it names the organisation, never your user name.</source>
        <translation>Бумалар оларды кім экспорттағанын қалай атайды. Онсыз өңделген бума ұйымды атайды, ешқашан пайдаланушы атыңызды емес.</translation>
    </message>
    <message>
        <source>An organisation or a pseudonym</source>
        <translation>Ұйым немесе бүркеншік ат</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source>Recorded as the actor of every custody event</source>
        <translation>Әр сақтау оқиғасының орындаушысы ретінде жазылады</translation>
    </message>
    <message>
        <source>A new language is used the next time Evidence Desk starts.</source>
        <translation>Жаңа тіл Evidence Desk келесі іске қосылғанда қолданылады.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <source>Collector name:</source>
        <translation>Жинаушының аты:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Ұйым:</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Original path</source>
        <translation>Бастапқы жол</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Кімнен алынды</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Тәсілі</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Жинаушы</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Алынды</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Жазылды (UTC)</translation>
    </message>
    <message>
        <source>File modified (UTC)</source>
        <translation>Файл өзгертілді (UTC)</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>Импорт пакеті</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Түсім %1</translation>
    </message>
    <message>
        <source>No provenance recorded.</source>
        <translation>Шығу тегі жазылмаған.</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Import evidence</source>
        <translation>Айғақтарды импорттау</translation>
    </message>
    <message>
        <source>Person, organisation or channel that handed the files over</source>
        <translation>Файлдарды берген адам, ұйым немесе арна</translation>
    </message>
    <message>
        <source>How the files reached you</source>
        <translation>Файлдар сізге қалай жетті</translation>
    </message>
    <message>
        <source>Your name (remembered for next time)</source>
        <translation>Сіздің атыңыз (есте сақталады)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Белгісіз</translation>
    </message>
    <message>
        <source>Circumstances of the hand-over, consent, anything a court may ask later</source>
        <translation>Беру жағдайы, келісім — кейін сот сұрауы мүмкін барлық нәрсе</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Кімнен алынды:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Тәсілі:</translation>
    </message>
    <message>
        <source>Collector:</source>
        <translation>Жинаушы:</translation>
    </message>
    <message>
        <source>Acquisition date:</source>
        <translation>Алынған күні:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Жазбалар:</translation>
    </message>
    <message>
        <source>Originals are copied into the archive unchanged and hashed (SHA-256); the files you picked are never modified.</source>
        <translation>Түпнұсқалар мұрағатқа өзгеріссіз көшіріліп, хештеледі (SHA-256); таңдалған файлдар ешқашан өзгертілмейді.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> және тағы %1</translation>
    </message>
    <message>
        <source>Import %1 (folders are imported with everything inside):</source>
        <translation>Импорт: %1 (бумалар ішіндегісімен бірге импортталады):</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message>
        <source>Remove from catalogue</source>
        <translation>Каталогтан алып тастау</translation>
    </message>
    <message>
        <source>Reason (required, kept in the custody log)</source>
        <translation>Себебі (міндетті, сақтау журналында сақталады)</translation>
    </message>
    <message>
        <source>I understand this removal is logged</source>
        <translation>Бұл әрекет журналға жазылатынын түсінемін</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Copy all</source>
        <translation>Барлығын көшіру</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Телнұсқа</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Қате</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Өткізілді</translation>
    </message>
    <message>
        <source>Files from %1</source>
        <translation>%1 ішіндегі файлдар</translation>
    </message>
    <message>
        <source>The import was cancelled: the files listed are safely in the archive; the rest were not imported.</source>
        <translation>Импорт тоқтатылды: тізімдегі файлдар мұрағатта сақталды, қалғандары импортталмады.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Хабарлама</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Импорт қорытындысы</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <source>Altered</source>
        <translation>Өзгертілген</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>Күтпеген</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Сақтау журналы</translation>
    </message>
    <message>
        <source>Verification was cancelled after %1 objects.</source>
        <translation>Тексеру %1 нысаннан кейін тоқтатылды.</translation>
    </message>
    <message>
        <source>All %1 originals are intact (%2 bytes re-hashed) and the custody log of %3 events is unbroken.</source>
        <translation>Барлық %1 түпнұсқа бүтін (%2 байт қайта хештелді), %3 оқиғадан тұратын сақтау журналы бұзылмаған.</translation>
    </message>
    <message>
        <source>PROBLEMS FOUND: %1. %2 originals re-hashed, %3 custody events checked.</source>
        <translation>МӘСЕЛЕЛЕР ТАБЫЛДЫ: %1. %2 түпнұсқа қайта хештелді, %3 сақтау оқиғасы тексерілді.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Мәселе</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>Тексеру есебі</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All items</source>
        <translation>Барлық материалдар</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Сақталған іздеулер</translation>
    </message>
    <message>
        <source>(none yet: use “Save search…”)</source>
        <translation>(әзірге жоқ: «Іздеуді сақтау…»)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Түрлер</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Тегтер</translation>
    </message>
    <message>
        <source>(no tags yet)</source>
        <translation>(тегтер әзірге жоқ)</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Құпиялылық</translation>
    </message>
    <message>
        <source>Removed items</source>
        <translation>Алынған материалдар</translation>
    </message>
    <message>
        <source>Delete saved search “%1”</source>
        <translation>«%1» сақталған іздеуін жою</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Mark as same scene</source>
        <translation>Бір көрініс деп белгілеу</translation>
    </message>
    <message>
        <source>Unmark</source>
        <translation>Белгіні алу</translation>
    </message>
    <message>
        <source>Show in catalogue</source>
        <translation>Каталогта көрсету</translation>
    </message>
    <message>
        <source>Looking for similar items…</source>
        <translation>Ұқсас материалдар ізделуде…</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>байланысты</translation>
    </message>
    <message>
        <source>%1 bits apart</source>
        <translation>айырмашылық %1 бит</translation>
    </message>
    <message>
        <source>%1 near-duplicates or linked items (closest first).</source>
        <translation>Ұқсас немесе байланысты материалдар: %1 (ең жақындары алдымен).</translation>
    </message>
    <message>
        <source>No similar items in the archive.</source>
        <translation>Мұрағатта ұқсас материалдар жоқ.</translation>
    </message>
    <message>
        <source>This item has no perceptual hash (only photos and videos have one).</source>
        <translation>Бұл материалда перцептивті хеш жоқ (ол тек фото мен бейнеде болады).</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Remove tags</source>
        <translation>Тегтерді алып тастау</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Тег қосу</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>%1: stopping after the current file…</source>
        <translation>%1: ағымдағы файлдан кейін тоқтайды…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 files</source>
        <translation>%1: %3 файлдың %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 ішінен %1</translation>
    </message>
</context>
<context>
    <name>VerifyController</name>
    <message>
        <source>Verifying</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Тексеру сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>Verification stopped: %1</source>
        <translation>Тексеру тоқтады: %1</translation>
    </message>
</context>
</TS>
