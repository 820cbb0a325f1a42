<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CaseUI</name>
    <message>
        <source>No chat messages</source>
        <translation>Без сообщений чатов</translation>
    </message>
    <message>
        <source>Messages of all chats</source>
        <translation>Сообщения всех чатов</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Сообщения: %1</translation>
    </message>
    <message>
        <source>Clock Correction</source>
        <translation>Коррекция часов</translation>
    </message>
    <message>
        <source>e.g. camera clock compared with a dated photo</source>
        <translation>например, часы камеры сверены с датированной фотографией</translation>
    </message>
    <message>
        <source>Apply to</source>
        <translation>Применить к</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Сдвиг</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Before → after:</source>
        <translation>До → после:</translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation>%1 (материалов: %2)</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Применение…</translation>
    </message>
    <message>
        <source>%1 capture times corrected.</source>
        <translation>Исправлено времён съёмки: %1.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>приблизительно</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>partly verified</source>
        <translation>частично проверено</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>New Incident</source>
        <translation>Новый инцидент</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <source>(from the text)</source>
        <translation>(по тексту)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Items and testimonies</source>
        <translation>Материалы и показания</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>end</source>
        <translation>конец</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>проверка</translation>
    </message>
    <message>
        <source>Link Selected Catalogue Items</source>
        <translation>Связать выделенные материалы</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>New &amp;Testimony…</source>
        <translation>Новое &amp;показание…</translation>
    </message>
    <message>
        <source>New &amp;Incident…</source>
        <translation>Новый &amp;инцидент…</translation>
    </message>
    <message>
        <source>&amp;Persons</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>&amp;Места</translation>
    </message>
    <message>
        <source>In&amp;cidents</source>
        <translation>И&amp;нциденты</translation>
    </message>
    <message>
        <source>&amp;Vocabularies…</source>
        <translation>&amp;Словари…</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <source>P&amp;eriods…</source>
        <translation>П&amp;ериоды…</translation>
    </message>
    <message>
        <source>Clock Co&amp;rrection…</source>
        <translation>&amp;Коррекция часов…</translation>
    </message>
    <message>
        <source>Link to &amp;Incident</source>
        <translation>Связать с &amp;инцидентом</translation>
    </message>
    <message>
        <source>Link to &amp;Person</source>
        <translation>Связать с &amp;человеком</translation>
    </message>
    <message>
        <source>Set P&amp;lace</source>
        <translation>Указать &amp;место</translation>
    </message>
    <message>
        <source>&amp;Attach to Testimony</source>
        <translation>&amp;Приложить к показанию</translation>
    </message>
    <message>
        <source>New Testimony with These Items…</source>
        <translation>Новое показание с этими материалами…</translation>
    </message>
    <message>
        <source>New Incident from Selection…</source>
        <translation>Новый инцидент из выделенного…</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Фильтр…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Периоды</translation>
    </message>
    <message>
        <source>Label (%1)</source>
        <translation>Название (%1)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>New Person</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>One name per line, e.g. Cyrillic and Latin spellings</source>
        <translation>По одному имени в строке, например написания кириллицей и латиницей</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>подразделение</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Sensitive (names hidden in redacted exports)</source>
        <translation>Чувствительная запись (имена скрыты в обезличенном экспорте)</translation>
    </message>
    <message>
        <source>Add Status</source>
        <translation>Добавить статус</translation>
    </message>
    <message>
        <source>depicted</source>
        <translation>изображён</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>упомянут</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>from GPS</source>
        <translation>по GPS</translation>
    </message>
    <message>
        <source>Not linked to any case record. Drag it onto an incident, a person or a place, or use “Link to” in its context menu.</source>
        <translation>Не связан ни с одной записью дела. Перетащите его на инцидент, человека или место либо воспользуйтесь пунктом «Связать с» в контекстном меню.</translation>
    </message>
    <message>
        <source>Unlinked %1 from %2</source>
        <translation>Связь %1 с %2 снята</translation>
    </message>
    <message>
        <source>Remove Status</source>
        <translation>Удалить статус</translation>
    </message>
    <message>
        <source>Remove the status “%1”? The custody log keeps the change.</source>
        <translation>Удалить статус «%1»? Изменение останется в журнале хранения.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Прозвища</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Год рождения</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Род занятий</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>История статусов</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge this record with (its links move here):</source>
        <translation>Объединить эту запись с (её связи перейдут сюда):</translation>
    </message>
    <message>
        <source>Merge %1 into %2? %1 will only point here afterwards.</source>
        <translation>Объединить %1 с %2? После этого %1 будет лишь ссылаться сюда.</translation>
    </message>
    <message>
        <source>New Place</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>default for the kind</source>
        <translation>по умолчанию для типа</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Входит в</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>Широта, долгота</translation>
    </message>
    <message>
        <source>Radius for GPS matching</source>
        <translation>Радиус для сопоставления по GPS</translation>
    </message>
    <message>
        <source>Name variants</source>
        <translation>Варианты названия</translation>
    </message>
    <message>
        <source>Match Items by GPS…</source>
        <translation>Сопоставить материалы по GPS…</translation>
    </message>
    <message>
        <source>Matching items by GPS…</source>
        <translation>Сопоставление материалов по GPS…</translation>
    </message>
    <message>
        <source>New Testimony</source>
        <translation>Новое показание</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показание</translation>
    </message>
    <message>
        <source>automatic (W-0001, …)</source>
        <translation>автоматически (W-0001, …)</translation>
    </message>
    <message>
        <source>Witness code</source>
        <translation>Код свидетеля</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Интервьюер</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Дата интервью</translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation>Место интервью</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <source>Risks to the witness and precautions</source>
        <translation>Риски для свидетеля и меры предосторожности</translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation>Риски</translation>
    </message>
    <message>
        <source>The statement, as the witness gave it</source>
        <translation>Показание словами свидетеля</translation>
    </message>
    <message>
        <source>Translation language</source>
        <translation>Язык перевода</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Показание</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Приложения</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Защищённая личность</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Настоящее имя</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Hidden. Revealing it is recorded in the custody log with your reason.</source>
        <translation>Скрыто. Раскрытие записывается в журнал хранения с вашей причиной.</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Раскрыть…</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Суд</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>Адвокация</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>Anonymity requested</source>
        <translation>Просит анонимности</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Объём</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>How given</source>
        <translation>Как дано</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>псевдоним</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>интервьюер</translation>
    </message>
    <message>
        <source>interview date</source>
        <translation>дата интервью</translation>
    </message>
    <message>
        <source>interview place</source>
        <translation>место интервью</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>конфиденциальность</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>дата согласия</translation>
    </message>
    <message>
        <source>consent method</source>
        <translation>способ согласия</translation>
    </message>
    <message>
        <source>anonymity</source>
        <translation>анонимность</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>записана</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не записана</translation>
    </message>
    <message>
        <source>Hidden (%1). Revealing it is recorded in the custody log with your reason.</source>
        <translation>Скрыто (%1). Раскрытие записывается в журнал хранения с вашей причиной.</translation>
    </message>
    <message>
        <source>Reveal identity</source>
        <translation>Раскрыть личность</translation>
    </message>
    <message>
        <source>Why do you need the witness's real identity? This is logged.</source>
        <translation>Зачем вам настоящая личность свидетеля? Это записывается в журнал.</translation>
    </message>
    <message>
        <source>A reason is required to reveal the identity.</source>
        <translation>Чтобы раскрыть личность, укажите причину.</translation>
    </message>
    <message>
        <source>Identity revealed; the reveal was logged.</source>
        <translation>Личность раскрыта; раскрытие записано в журнал.</translation>
    </message>
    <message>
        <source>Add Selected Catalogue Items</source>
        <translation>Добавить выделенные материалы</translation>
    </message>
    <message>
        <source>Show in Catalogue</source>
        <translation>Показать в каталоге</translation>
    </message>
    <message>
        <source>Save the testimony first, then attach recordings and scans.</source>
        <translation>Сначала сохраните показание, затем приложите записи и сканы.</translation>
    </message>
    <message>
        <source>Select a version to read it.</source>
        <translation>Выберите версию, чтобы прочитать её.</translation>
    </message>
    <message>
        <source>Every edit keeps the previous text; each is hashed and logged.</source>
        <translation>Каждая правка сохраняет прежний текст; каждая версия хешируется и записывается в журнал.</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>показание</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>перевод</translation>
    </message>
    <message>
        <source>Almaty time (UTC+6)</source>
        <translation>Время Алматы (UTC+6)</translation>
    </message>
    <message>
        <source> (clock corrected)</source>
        <translation> (часы скорректированы)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Все места</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Все инциденты</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel down)</source>
        <translation>Уменьшить (Ctrl+колесо вниз)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel up)</source>
        <translation>Увеличить (Ctrl+колесо вверх)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Вместить</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>Periods…</source>
        <translation>Периоды…</translation>
    </message>
    <message>
        <source>Add, change or remove periods</source>
        <translation>Добавить, изменить или удалить периоды</translation>
    </message>
    <message>
        <source>Clock…</source>
        <translation>Часы…</translation>
    </message>
    <message>
        <source>Correct a device's clock</source>
        <translation>Скорректировать часы устройства</translation>
    </message>
    <message>
        <source>All violations</source>
        <translation>Все нарушения</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>Словари</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Словарь</translation>
    </message>
    <message>
        <source>Add Term…</source>
        <translation>Добавить термин…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Вывести из употребления</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>выведен</translation>
    </message>
    <message>
        <source>Add Term</source>
        <translation>Добавить термин</translation>
    </message>
    <message>
        <source>Code (letters, digits, _):</source>
        <translation>Код (буквы, цифры, _):</translation>
    </message>
    <message>
        <source>English label:</source>
        <translation>Английское название:</translation>
    </message>
    <message>
        <source>Import Vocabulary</source>
        <translation>Импорт словаря</translation>
    </message>
    <message>
        <source>Vocabularies (*.csv *.json)</source>
        <translation>Словари (*.csv *.json)</translation>
    </message>
    <message>
        <source>Export Vocabulary</source>
        <translation>Экспорт словаря</translation>
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
        <translation>(нет)</translation>
    </message>
</context>
</TS>
