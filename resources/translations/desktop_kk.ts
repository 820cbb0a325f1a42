<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BundleUi</name>
    <message numerus="yes">
        <source>%n exhibit(s) exported to %2.
Key fingerprint: %3</source>
        <translation>
            <numerusform>%n айғақ %2 ішіне экспортталды.
Кілт саусақ ізі: %3</numerusform>
            <numerusform>%n айғақ %2 ішіне экспортталды.
Кілт саусақ ізі: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) left out (see the bundle's report).</source>
        <translation>
            <numerusform>%n материал енгізілмеді (пакет есебін қараңыз).</numerusform>
            <numerusform>%n материал енгізілмеді (пакет есебін қараңыз).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleVerifyDialog</name>
    <message numerus="yes">
        <source>The bundle FAILED the check: %n problem(s).</source>
        <translation>
            <numerusform>Пакет тексеруден ӨТПЕДІ: %n мәселе.</numerusform>
            <numerusform>Пакет тексеруден ӨТПЕДІ: %n мәселе.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseUI</name>
    <message numerus="yes">
        <source>%Ln chat message(s)</source>
        <translation>
            <numerusform>%Ln чат хабарламасы</numerusform>
            <numerusform>%Ln чат хабарламасы</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (recorded when the person is saved)</source>
        <translation>%1 (адам сақталғанда жазылады)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln оқиға</numerusform>
            <numerusform>%Ln оқиға</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln материал</numerusform>
            <numerusform>%Ln материал</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a capture time</source>
        <translation>
            <numerusform>түсірілім уақыты жоқ: %Ln</numerusform>
            <numerusform>түсірілім уақыты жоқ: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n материал</numerusform>
            <numerusform>%n материал</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) placed by GPS.</source>
        <translation>
            <numerusform>GPS бойынша %n материал орналастырылды.</numerusform>
            <numerusform>GPS бойынша %n материал орналастырылды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n адам</numerusform>
            <numerusform>%n адам</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linked %n item(s) to %2</source>
        <translation>
            <numerusform>%2 жазбасымен %n материал байланыстырылды</numerusform>
            <numerusform>%2 жазбасымен %n материал байланыстырылды</numerusform>
        </translation>
    </message>
    <message>
        <source>Sensitive: names hidden in redacted exports</source>
        <translation>Құпия деректер: иесіздендірілген экспортта аттар жасырылады</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected item(s)</source>
        <translation>
            <numerusform>Таңдалған материалдар (%n)</numerusform>
            <numerusform>Таңдалған материалдар (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueGrid</name>
    <message>
        <source>Sensitivity: %1</source>
        <translation>Құпиялылық: %1</translation>
    </message>
    <message>
        <source>green dot</source>
        <translation>жасыл нүкте</translation>
    </message>
    <message>
        <source>orange dot</source>
        <translation>қызғылт сары нүкте</translation>
    </message>
    <message>
        <source>red dot</source>
        <translation>қызыл нүкте</translation>
    </message>
</context>
<context>
    <name>CatalogueViews</name>
    <message>
        <source>No removed items.</source>
        <translation>Алынған материалдар жоқ.</translation>
    </message>
    <message>
        <source>Nothing matches this search.
Change the words or clear the filters.</source>
        <translation>Бұл сұрау бойынша ештеңе табылмады.
Сөздерді өзгертіңіз немесе сүзгілерді тазартыңыз.</translation>
    </message>
    <message>
        <source>The archive is empty.
Drop files or folders here, or use File → Import.</source>
        <translation>Мұрағат бос.
Файлдарды не бумаларды осында сүйреп әкеліңіз немесе Файл → Импорт пәрменін таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message numerus="yes">
        <source>%Ln item(s) selected. Changes here apply to all of them, and each change is written to every item's custody log.</source>
        <translation>
            <numerusform>%Ln материал таңдалды. Өзгерістер барлығына қолданылады және әрқайсысы әр материалдың сақтау журналына жазылады.</numerusform>
            <numerusform>%Ln материал таңдалды. Өзгерістер барлығына қолданылады және әрқайсысы әр материалдың сақтау журналына жазылады.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message numerus="yes">
        <source>Remove %n item(s) from the catalogue</source>
        <translation>
            <numerusform>Каталогтан %n материалды алып тастау</numerusform>
            <numerusform>Каталогтан %n материалды алып тастау</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n item(s)</source>
        <translation>
            <numerusform>%n материалды қалпына келтіру</numerusform>
            <numerusform>%n материалды қалпына келтіру</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set sensitivity of %n item(s) to %2</source>
        <translation>
            <numerusform>%n материалдың құпиялылығын «%2» етіп орнату</numerusform>
            <numerusform>%n материалдың құпиялылығын «%2» етіп орнату</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Check:</source>
        <translation>Тексеріңіз:</translation>
    </message>
    <message>
        <source>The capture time is later than the acquisition date (%1): the device clock or the acquisition date is probably wrong.</source>
        <translation>Түсірілген уақыты алынған күннен (%1) кейін: құрылғының сағаты немесе алынған күні қате болуы мүмкін.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Tag: %1</source>
        <translation>Тег: %1</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n item(s) already in this archive gain the sender's provenance and history.</source>
        <translation>
            <numerusform>Мұрағатта бар %n материал жіберушінің шығу тегі мен тарихын алады.</numerusform>
            <numerusform>Мұрағатта бар %n материал жіберушінің шығу тегі мен тарихын алады.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) will be added.</source>
        <translation>
            <numerusform>%n жаңа материал қосылады.</numerusform>
            <numerusform>%n жаңа материал қосылады.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%Ln материалдың %1</numerusform>
            <numerusform>%Ln материалдың %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln материал</numerusform>
            <numerusform>%Ln материал</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed item(s)</source>
        <translation>
            <numerusform>%Ln алынған материал</numerusform>
            <numerusform>%Ln алынған материал</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln таңдалды</numerusform>
            <numerusform>%Ln таңдалды</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>%1 already exists and is not empty; choose another name.</source>
        <translation>%1 бұрыннан бар және бос емес; басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Құру</translation>
    </message>
    <message>
        <source>For example: Almaty January 2022</source>
        <translation>Мысалы: Алматы, 2022 жылғы қаңтар</translation>
    </message>
    <message>
        <source>Give the archive a name.</source>
        <translation>Мұрағатқа атау беріңіз.</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Орналасуы:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>Жаңа мұрағат</translation>
    </message>
    <message>
        <source>The folder %1 will be created.</source>
        <translation>%1 бумасы құрылады.</translation>
    </message>
    <message>
        <source>The location %1 does not exist.</source>
        <translation>%1 орны жоқ.</translation>
    </message>
    <message>
        <source>Where to create the archive folder</source>
        <translation>Мұрағат бумасын қайда құру керек</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Last time: %1 (press the down arrow to reuse it)</source>
        <translation>Өткен жолы: %1 (қайта таңдау үшін төмен көрсеткіні басыңыз)</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message numerus="yes">
        <source>Remove %Ln item(s) (%2) from the catalogue?

They will be hidden from the catalogue and searches. The originals stay in the archive's store, the removal is written to each item's custody log with your reason, and the items can be restored from “Removed items”.</source>
        <translation>
            <numerusform>Каталогтан %Ln материалды (%2) алып тастау керек пе?

Олар каталог пен іздеуден жасырылады. Түпнұсқалар мұрағат қоймасында қалады, алып тастау себебіңізбен бірге әр материалдың сақтау журналына жазылады, ал материалдарды «Алынған материалдар» бөлімінен қалпына келтіруге болады.</numerusform>
            <numerusform>Каталогтан %Ln материалды (%2) алып тастау керек пе?

Олар каталог пен іздеуден жасырылады. Түпнұсқалар мұрағат қоймасында қалады, алып тастау себебіңізбен бірге әр материалдың сақтау журналына жазылады, ал материалдарды «Алынған материалдар» бөлімінен қалпына келтіруге болады.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n duplicate(s) (already in the archive)</source>
        <translation>
            <numerusform>%n телнұсқа (мұрағатта бар)</numerusform>
            <numerusform>%n телнұсқа (мұрағатта бар)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n қатемен</numerusform>
            <numerusform>%n қатемен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n жаңа</numerusform>
            <numerusform>%n жаңа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n өткізілді</numerusform>
            <numerusform>%n өткізілді</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>marked as the same scene</source>
        <translation>сол көрініс деп белгіленген</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Tags to add to %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Таңдалған %Ln материалға қосылатын тегтер (үтір арқылы):</numerusform>
            <numerusform>Таңдалған %Ln материалға қосылатын тегтер (үтір арқылы):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Таңдалған %Ln материалдан алынатын тегтер (үтір арқылы):</numerusform>
            <numerusform>Таңдалған %Ln материалдан алынатын тегтер (үтір арқылы):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message numerus="yes">
        <source>Linked %n message(s) to %2</source>
        <translation>
            <numerusform>%2 оқиғасымен %n хабарлама байланыстырылды</numerusform>
            <numerusform>%2 оқиғасымен %n хабарлама байланыстырылды</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentChooser</name>
    <message numerus="yes">
        <source>Link %n message(s) to the incident:</source>
        <translation>
            <numerusform>%n хабарламаны оқиғамен байланыстыру:</numerusform>
            <numerusform>%n хабарламаны оқиғамен байланыстыру:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveWarnings</name>
    <message>
        <source>The archive needs attention</source>
        <translation>Мұрағат назар аударуды қажет етеді</translation>
    </message>
    <message>
        <source>The work was done, but the archive reported the following. Run Tools › Verify Archive, or `evidence-desk doctor` for details.</source>
        <translation>Жұмыс орындалды, бірақ мұрағат мынаны хабарлады. Толығырақ: Құралдар › Мұрағатты тексеру немесе `evidence-desk doctor`.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
</context>
</TS>
