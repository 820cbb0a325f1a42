<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>ConversationDialog</name>
    <message>
        <source>Link to Incident…</source>
        <translation>Связать с инцидентом…</translation>
    </message>
    <message>
        <source>Could not link: %1</source>
        <translation>Не удалось связать: %1</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>любой день</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Переписки</translation>
    </message>
    <message>
        <source>Search the messages</source>
        <translation>Поиск по сообщениям</translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation>Чат:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>%1 (%2, %3 messages)</source>
        <translation>%1 (%2, сообщений: %3)</translation>
    </message>
    <message>
        <source>No chat exports in this archive.</source>
        <translation>В этом архиве нет экспортов чатов.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>Сообщений: %1</translation>
    </message>
    <message>
        <source>Could not load the messages: %1</source>
        <translation>Не удалось загрузить сообщения: %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>created the group</source>
        <translation>создал(а) группу</translation>
    </message>
    <message>
        <source>created the channel</source>
        <translation>создал(а) канал</translation>
    </message>
    <message>
        <source>turned the group into a supergroup</source>
        <translation>преобразовал(а) группу в супергруппу</translation>
    </message>
    <message>
        <source>added members</source>
        <translation>добавил(а) участников</translation>
    </message>
    <message>
        <source>joined by invitation link</source>
        <translation>вступил(а) по ссылке-приглашению</translation>
    </message>
    <message>
        <source>removed members</source>
        <translation>удалил(а) участников</translation>
    </message>
    <message>
        <source>renamed the group</source>
        <translation>переименовал(а) группу</translation>
    </message>
    <message>
        <source>changed the group photo</source>
        <translation>сменил(а) фото группы</translation>
    </message>
    <message>
        <source>removed the group photo</source>
        <translation>удалил(а) фото группы</translation>
    </message>
    <message>
        <source>pinned a message</source>
        <translation>закрепил(а) сообщение</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>group call</source>
        <translation>групповой звонок</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>сообщение %1</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>%1 (%2; %3)</source>
        <translation>%1 (%2; %3)</translation>
    </message>
    <message>
        <source>offset unknown</source>
        <translation>смещение неизвестно</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Forwarded from %1:</source>
        <translation>Переслано от %1:</translation>
    </message>
    <message>
        <source>In reply to %1:</source>
        <translation>В ответ на %1:</translation>
    </message>
    <message>
        <source>%1 left out by the export</source>
        <translation>не включено в экспорт: %1</translation>
    </message>
</context>
<context>
    <name>MessagesUI</name>
    <message>
        <source>&amp;Conversations…</source>
        <translation>&amp;Переписки…</translation>
    </message>
    <message>
        <source>&amp;Messages of Selected Item</source>
        <translation>&amp;Сообщения выбранного материала</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Сообщения</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Not stated (offset unknown)</source>
        <translation>Не указан (смещение неизвестно)</translation>
    </message>
    <message>
        <source>UTC+6 (Almaty, most of Kazakhstan in 2022)</source>
        <translation>UTC+6 (Алматы, большая часть Казахстана в 2022 г.)</translation>
    </message>
    <message>
        <source>UTC+5 (western Kazakhstan)</source>
        <translation>UTC+5 (западный Казахстан)</translation>
    </message>
    <message>
        <source>WhatsApp exports give local times without a UTC offset. State the zone of the phone (an IANA name such as Asia/Almaty, or +06:00); it is recorded as stated by you.</source>
        <translation>В экспортах WhatsApp время местное, без смещения от UTC. Укажите часовой пояс телефона (имя IANA, например Asia/Almaty, или +06:00); он будет записан как указанный вами.</translation>
    </message>
    <message>
        <source>Chat times:</source>
        <translation>Время в чатах:</translation>
    </message>
</context>
<context>
    <name>IncidentChooser</name>
    <message>
        <source>Link to Incident</source>
        <translation>Связать с инцидентом</translation>
    </message>
    <message>
        <source>Why these messages document the incident</source>
        <translation>Почему эти сообщения документируют инцидент</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Could not load the incidents: %1</source>
        <translation>Не удалось загрузить инциденты: %1</translation>
    </message>
    <message>
        <source>No incidents yet: record one first.</source>
        <translation>Инцидентов пока нет: сначала создайте инцидент.</translation>
    </message>
</context>
</TS>
