<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CaseUI</name>
    <message>
        <source>No chat messages</source>
        <translation>Чат хабарламаларынсыз</translation>
    </message>
    <message>
        <source>Messages of all chats</source>
        <translation>Барлық чаттың хабарламалары</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Хабарламалар: %1</translation>
    </message>
    <message>
        <source>Clock Correction</source>
        <translation>Сағатты түзету</translation>
    </message>
    <message>
        <source>e.g. camera clock compared with a dated photo</source>
        <translation>мысалы, камера сағаты күні белгілі фотосуретпен салыстырылды</translation>
    </message>
    <message>
        <source>Apply to</source>
        <translation>Қолдану нысаны</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Ығысу</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Қолдану</translation>
    </message>
    <message>
        <source>Before → after:</source>
        <translation>Бұрын → кейін:</translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation>%1 (материалдар: %2)</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Қолданылуда…</translation>
    </message>
    <message>
        <source>%1 capture times corrected.</source>
        <translation>Түзетілген түсірілім уақыттары: %1.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Өзгерту: %1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>дәл</translation>
    </message>
    <message>
        <source>day</source>
        <translation>күн</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>шамамен</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>тексерілмеген</translation>
    </message>
    <message>
        <source>partly verified</source>
        <translation>ішінара тексерілген</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>тексерілген</translation>
    </message>
    <message>
        <source>New Incident</source>
        <translation>Жаңа оқиға</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>(from the text)</source>
        <translation>(мәтін бойынша)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Бұзушылықтар</translation>
    </message>
    <message>
        <source>Items and testimonies</source>
        <translation>Материалдар мен айғақтар</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>title</source>
        <translation>атауы</translation>
    </message>
    <message>
        <source>start</source>
        <translation>басы</translation>
    </message>
    <message>
        <source>end</source>
        <translation>соңы</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>дәлдік</translation>
    </message>
    <message>
        <source>place</source>
        <translation>орын</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>тексеру</translation>
    </message>
    <message>
        <source>Link Selected Catalogue Items</source>
        <translation>Таңдалған материалдарды байланыстыру</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Байланысты үзу</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сақталуда…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Орындар</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Іс</translation>
    </message>
    <message>
        <source>New &amp;Testimony…</source>
        <translation>Жаңа &amp;айғақ…</translation>
    </message>
    <message>
        <source>New &amp;Incident…</source>
        <translation>Жаңа &amp;оқиға…</translation>
    </message>
    <message>
        <source>&amp;Persons</source>
        <translation>А&amp;дамдар</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>Ор&amp;ындар</translation>
    </message>
    <message>
        <source>In&amp;cidents</source>
        <translation>О&amp;қиғалар</translation>
    </message>
    <message>
        <source>&amp;Vocabularies…</source>
        <translation>&amp;Сөздіктер…</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <source>P&amp;eriods…</source>
        <translation>&amp;Кезеңдер…</translation>
    </message>
    <message>
        <source>Clock Co&amp;rrection…</source>
        <translation>Сағатты &amp;түзету…</translation>
    </message>
    <message>
        <source>Link to &amp;Incident</source>
        <translation>&amp;Оқиғаға байланыстыру</translation>
    </message>
    <message>
        <source>Link to &amp;Person</source>
        <translation>&amp;Адамға байланыстыру</translation>
    </message>
    <message>
        <source>Set P&amp;lace</source>
        <translation>Орынды &amp;белгілеу</translation>
    </message>
    <message>
        <source>&amp;Attach to Testimony</source>
        <translation>Айғаққа &amp;тіркеу</translation>
    </message>
    <message>
        <source>New Testimony with These Items…</source>
        <translation>Осы материалдармен жаңа айғақ…</translation>
    </message>
    <message>
        <source>New Incident from Selection…</source>
        <translation>Таңдалғаннан жаңа оқиға…</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Сүзгі…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Жаңа…</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Кезеңдер</translation>
    </message>
    <message>
        <source>Label (%1)</source>
        <translation>Атауы (%1)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Басы</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Соңы</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Түсі</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>New Person</source>
        <translation>Жаңа адам</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>One name per line, e.g. Cyrillic and Latin spellings</source>
        <translation>Әр жолға бір есім, мысалы, кирилл және латын әріптерімен жазылуы</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>жеке тұлға</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>бөлімше</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>Sensitive (names hidden in redacted exports)</source>
        <translation>Құпия жазба (иесіздендірілген экспортта есімдер жасырылады)</translation>
    </message>
    <message>
        <source>Add Status</source>
        <translation>Мәртебе қосу</translation>
    </message>
    <message>
        <source>depicted</source>
        <translation>бейнеленген</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>аталған</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>from GPS</source>
        <translation>GPS бойынша</translation>
    </message>
    <message>
        <source>Not linked to any case record. Drag it onto an incident, a person or a place, or use “Link to” in its context menu.</source>
        <translation>Іс жазбаларының ешқайсысымен байланыспаған. Оны оқиғаға, адамға немесе орынға апарып тастаңыз немесе контекстік мәзірдегі «…байланыстыру» тармақтарын қолданыңыз.</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2</source>
        <translation>%1 мен %2 арасындағы байланыс үзілді</translation>
    </message>
    <message>
        <source>Remove Status</source>
        <translation>Мәртебені жою</translation>
    </message>
    <message>
        <source>Remove the status “%1”? The custody log keeps the change.</source>
        <translation>«%1» мәртебесін жою керек пе? Өзгеріс сақтау журналында қалады.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалдар</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Есімдер</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Лақап аттар</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Туған жылы</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Жасы</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Кәсібі</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Мәртебе тарихы</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Біріктіру…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Merge this record with (its links move here):</source>
        <translation>Бұл жазбаны мынамен біріктіру (оның байланыстары осында көшеді):</translation>
    </message>
    <message>
        <source>Merge %1 into %2? %1 will only point here afterwards.</source>
        <translation>%1 жазбасын %2 жазбасына біріктіру керек пе? Осыдан кейін %1 тек осы жазбаға сілтейді.</translation>
    </message>
    <message>
        <source>New Place</source>
        <translation>Жаңа орын</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>default for the kind</source>
        <translation>түрі бойынша әдепкі</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Кіретін орны</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>Ендік, бойлық</translation>
    </message>
    <message>
        <source>Radius for GPS matching</source>
        <translation>GPS бойынша сәйкестендіру радиусы</translation>
    </message>
    <message>
        <source>Name variants</source>
        <translation>Атау нұсқалары</translation>
    </message>
    <message>
        <source>Match Items by GPS…</source>
        <translation>Материалдарды GPS бойынша сәйкестендіру…</translation>
    </message>
    <message>
        <source>Matching items by GPS…</source>
        <translation>Материалдар GPS бойынша сәйкестендірілуде…</translation>
    </message>
    <message>
        <source>New Testimony</source>
        <translation>Жаңа айғақ</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>automatic (W-0001, …)</source>
        <translation>автоматты түрде (W-0001, …)</translation>
    </message>
    <message>
        <source>Witness code</source>
        <translation>Куә коды</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Бүркеншік ат</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Сұхбат алушы</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Сұхбат күні</translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation>Сұхбат орны</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Құпиялылық</translation>
    </message>
    <message>
        <source>Risks to the witness and precautions</source>
        <translation>Куәға төнетін қауіптер және сақтық шаралары</translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation>Қауіптер туралы ескертпелер</translation>
    </message>
    <message>
        <source>The statement, as the witness gave it</source>
        <translation>Айғақ — куәнің өз сөзімен</translation>
    </message>
    <message>
        <source>Translation language</source>
        <translation>Аударма тілі</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Айғақ мәтіні</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Аударма</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Тіркемелер</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Қорғалған жеке басы</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Шын аты</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <source>Hidden. Revealing it is recorded in the custody log with your reason.</source>
        <translation>Жасырылған. Оны ашу себебіңізбен бірге сақтау журналына жазылады.</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Ашу…</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Сот</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>Адвокация</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Жариялау</translation>
    </message>
    <message>
        <source>Anonymity requested</source>
        <translation>Анонимдік сұралды</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Ауқымы</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>How given</source>
        <translation>Қалай берілді</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>бүркеншік ат</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>сұхбат алушы</translation>
    </message>
    <message>
        <source>interview date</source>
        <translation>сұхбат күні</translation>
    </message>
    <message>
        <source>interview place</source>
        <translation>сұхбат орны</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>құпиялылық</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>келісім күні</translation>
    </message>
    <message>
        <source>consent method</source>
        <translation>келісім тәсілі</translation>
    </message>
    <message>
        <source>anonymity</source>
        <translation>анонимдік</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>жазылған</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>жазылмаған</translation>
    </message>
    <message>
        <source>Hidden (%1). Revealing it is recorded in the custody log with your reason.</source>
        <translation>Жасырылған (%1). Оны ашу себебіңізбен бірге сақтау журналына жазылады.</translation>
    </message>
    <message>
        <source>Reveal identity</source>
        <translation>Жеке басын ашу</translation>
    </message>
    <message>
        <source>Why do you need the witness's real identity? This is logged.</source>
        <translation>Куәның шын жеке басы не үшін қажет? Бұл журналға жазылады.</translation>
    </message>
    <message>
        <source>A reason is required to reveal the identity.</source>
        <translation>Жеке басын ашу үшін себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>Identity revealed; the reveal was logged.</source>
        <translation>Жеке басы ашылды; бұл журналға жазылды.</translation>
    </message>
    <message>
        <source>Add Selected Catalogue Items</source>
        <translation>Таңдалған материалдарды қосу</translation>
    </message>
    <message>
        <source>Show in Catalogue</source>
        <translation>Каталогта көрсету</translation>
    </message>
    <message>
        <source>Save the testimony first, then attach recordings and scans.</source>
        <translation>Алдымен айғақты сақтаңыз, содан кейін жазбалар мен сканерленген құжаттарды тіркеңіз.</translation>
    </message>
    <message>
        <source>Select a version to read it.</source>
        <translation>Оқу үшін нұсқаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Every edit keeps the previous text; each is hashed and logged.</source>
        <translation>Әр түзету алдыңғы мәтінді сақтайды; әр нұсқа хэштеліп, журналға жазылады.</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>айғақ</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>аударма</translation>
    </message>
    <message>
        <source>Almaty time (UTC+6)</source>
        <translation>Алматы уақыты (UTC+6)</translation>
    </message>
    <message>
        <source> (clock corrected)</source>
        <translation> (сағаты түзетілген)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Барлық түрлері</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Барлық орындар</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Барлық оқиғалар</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel down)</source>
        <translation>Кішірейту (Ctrl+дөңгелек төмен)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel up)</source>
        <translation>Үлкейту (Ctrl+дөңгелек жоғары)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Сыйдыру</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Барлығын көрсету</translation>
    </message>
    <message>
        <source>Periods…</source>
        <translation>Кезеңдер…</translation>
    </message>
    <message>
        <source>Add, change or remove periods</source>
        <translation>Кезеңдерді қосу, өзгерту немесе жою</translation>
    </message>
    <message>
        <source>Clock…</source>
        <translation>Сағат…</translation>
    </message>
    <message>
        <source>Correct a device's clock</source>
        <translation>Құрылғы сағатын түзету</translation>
    </message>
    <message>
        <source>All violations</source>
        <translation>Барлық бұзушылықтар</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>Сөздіктер</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Ағылшынша</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Белсенді</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Сөздік</translation>
    </message>
    <message>
        <source>Add Term…</source>
        <translation>Термин қосу…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Қолданыстан шығару</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>қолданыстан шығарылған</translation>
    </message>
    <message>
        <source>Add Term</source>
        <translation>Термин қосу</translation>
    </message>
    <message>
        <source>Code (letters, digits, _):</source>
        <translation>Код (әріптер, цифрлар, _):</translation>
    </message>
    <message>
        <source>English label:</source>
        <translation>Ағылшынша атауы:</translation>
    </message>
    <message>
        <source>Import Vocabulary</source>
        <translation>Сөздікті импорттау</translation>
    </message>
    <message>
        <source>Vocabularies (*.csv *.json)</source>
        <translation>Сөздіктер (*.csv *.json)</translation>
    </message>
    <message>
        <source>Export Vocabulary</source>
        <translation>Сөздікті экспорттау</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Evidence Desk</source>
        <translation>Evidence Desk</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(жоқ)</translation>
    </message>
</context>
</TS>
