<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>ConversationDialog</name>
    <message>
        <source>Link to Incident…</source>
        <translation>Оқиғамен байланыстыру…</translation>
    </message>
    <message>
        <source>Could not link: %1</source>
        <translation>Байланыстыру мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Бастап:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Дейін:</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>кез келген күн</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Хат алмасулар</translation>
    </message>
    <message>
        <source>Search the messages</source>
        <translation>Хабарлардан іздеу</translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation>Чат:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Авторы:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>%1 (%2, %3 messages)</source>
        <translation>%1 (%2, хабарлар: %3)</translation>
    </message>
    <message>
        <source>No chat exports in this archive.</source>
        <translation>Бұл мұрағатта чат экспорттары жоқ.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>Хабарлар: %1</translation>
    </message>
    <message>
        <source>Could not load the messages: %1</source>
        <translation>Хабарларды жүктеу мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>created the group</source>
        <translation>топ құрды</translation>
    </message>
    <message>
        <source>created the channel</source>
        <translation>арна құрды</translation>
    </message>
    <message>
        <source>turned the group into a supergroup</source>
        <translation>топты супертопқа айналдырды</translation>
    </message>
    <message>
        <source>added members</source>
        <translation>қатысушыларды қосты</translation>
    </message>
    <message>
        <source>joined by invitation link</source>
        <translation>шақыру сілтемесі арқылы қосылды</translation>
    </message>
    <message>
        <source>removed members</source>
        <translation>қатысушыларды шығарды</translation>
    </message>
    <message>
        <source>renamed the group</source>
        <translation>топтың атын өзгертті</translation>
    </message>
    <message>
        <source>changed the group photo</source>
        <translation>топ суретін өзгертті</translation>
    </message>
    <message>
        <source>removed the group photo</source>
        <translation>топ суретін жойды</translation>
    </message>
    <message>
        <source>pinned a message</source>
        <translation>хабарламаны бекітті</translation>
    </message>
    <message>
        <source>call</source>
        <translation>қоңырау</translation>
    </message>
    <message>
        <source>group call</source>
        <translation>топтық қоңырау</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>%1 хабарлама</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Хабар</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <source>%1 (%2; %3)</source>
        <translation>%1 (%2; %3)</translation>
    </message>
    <message>
        <source>offset unknown</source>
        <translation>ығысу белгісіз</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
    <message>
        <source>Forwarded from %1:</source>
        <translation>%1 жіберген хабар:</translation>
    </message>
    <message>
        <source>In reply to %1:</source>
        <translation>%1 хабарына жауап:</translation>
    </message>
    <message>
        <source>%1 left out by the export</source>
        <translation>экспортқа енбеген: %1</translation>
    </message>
</context>
<context>
    <name>MessagesUI</name>
    <message>
        <source>&amp;Conversations…</source>
        <translation>&amp;Хат алмасулар…</translation>
    </message>
    <message>
        <source>&amp;Messages of Selected Item</source>
        <translation>Таңдалған материалдың &amp;хабарлары</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Хабарлар</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Not stated (offset unknown)</source>
        <translation>Көрсетілмеген (ығысу белгісіз)</translation>
    </message>
    <message>
        <source>UTC+6 (Almaty, most of Kazakhstan in 2022)</source>
        <translation>UTC+6 (Алматы, 2022 жылы Қазақстанның басым бөлігі)</translation>
    </message>
    <message>
        <source>UTC+5 (western Kazakhstan)</source>
        <translation>UTC+5 (батыс Қазақстан)</translation>
    </message>
    <message>
        <source>WhatsApp exports give local times without a UTC offset. State the zone of the phone (an IANA name such as Asia/Almaty, or +06:00); it is recorded as stated by you.</source>
        <translation>WhatsApp экспорттарындағы уақыт жергілікті, UTC ығысуынсыз. Телефонның уақыт белдеуін көрсетіңіз (IANA атауы, мысалы Asia/Almaty, немесе +06:00); ол сіз көрсеткендей жазылады.</translation>
    </message>
    <message>
        <source>Chat times:</source>
        <translation>Чаттағы уақыт:</translation>
    </message>
</context>
<context>
    <name>IncidentChooser</name>
    <message>
        <source>Link to Incident</source>
        <translation>Оқиғамен байланыстыру</translation>
    </message>
    <message>
        <source>Why these messages document the incident</source>
        <translation>Бұл хабарламалар оқиғаны неліктен құжаттайды</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ескертпе:</translation>
    </message>
    <message>
        <source>Could not load the incidents: %1</source>
        <translation>Оқиғаларды жүктеу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>No incidents yet: record one first.</source>
        <translation>Әзірге оқиға жоқ: алдымен оқиға тіркеңіз.</translation>
    </message>
</context>
</TS>
