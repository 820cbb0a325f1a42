<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>ArchiveLock</name>
    <message>
        <source>&amp;Encrypt This Archive…</source>
        <translation>&amp;Зашифровать этот архив…</translation>
    </message>
    <message>
        <source>&amp;Lock Archive</source>
        <translation>&amp;Заблокировать архив</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>Сменить &amp;парольную фразу…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Смена парольной фразы</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Не удалось открыть архив: %1</translation>
    </message>
    <message>
        <source>Evidence Desk — locked</source>
        <translation>Evidence Desk — заблокирован</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Парольная фраза изменена.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <source>The archive is locked.</source>
        <translation>Архив заблокирован.</translation>
    </message>
    <message>
        <source>The passphrase was not changed: %1</source>
        <translation>Парольная фраза не изменена: %1</translation>
    </message>
    <message>
        <source>Write this recovery key down and keep it apart from the laptop. It is shown only now; with it a forgotten passphrase can be replaced.</source>
        <translation>Запишите этот ключ восстановления и храните его отдельно от ноутбука. Он показывается только сейчас; с ним можно заменить забытую парольную фразу.</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Неверная парольная фраза; попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Decrypted copy</source>
        <translation>Расшифрованная копия</translation>
    </message>
    <message>
        <source>This archive is encrypted. Another application can only open a decrypted copy: it is written to memory (RAM), not to the disk, and removed when the archive is closed or locked. While it exists, other programs of this user can read it. Open it?</source>
        <translation>Этот архив зашифрован. Другое приложение может открыть только расшифрованную копию: она записывается в оперативную память (RAM), а не на диск, и удаляется, когда архив закрыт или заблокирован. Пока она существует, её могут прочитать другие программы этого пользователя. Открыть?</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Encrypt this archive</source>
        <translation>Зашифровать этот архив</translation>
    </message>
    <message>
        <source>Every original, thumbnail and key and the database are encrypted in place; each original is checked before its plaintext is replaced. Old plaintext may remain in the disk's free space.</source>
        <translation>Все оригиналы, миниатюры, ключи и база данных шифруются на месте; каждый оригинал проверяется, прежде чем его открытый текст будет заменён. Старые незашифрованные данные могут остаться в свободном месте диска.</translation>
    </message>
    <message>
        <source>Also make a recovery key (shown once)</source>
        <translation>Создать также ключ восстановления (показывается один раз)</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Смена парольной фразы</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Текущая парольная фраза:</translation>
    </message>
    <message>
        <source>Encrypt this archive with a passphrase</source>
        <translation>Зашифровать этот архив парольной фразой</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>Новый архив</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новая парольная фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите её:</translation>
    </message>
    <message>
        <source>Several words are best: anyone holding the archive folder can try guesses. Without the passphrase (or the recovery key) nothing can be recovered.</source>
        <translation>Лучше всего несколько слов: любой, у кого есть папка архива, может подбирать фразу. Без парольной фразы (или ключа восстановления) ничего восстановить нельзя.</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Парольная фраза должна содержать не менее %1 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>%1 is encrypted. Enter its passphrase.</source>
        <translation>%1 зашифрован. Введите его парольную фразу.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Unlock archive</source>
        <translation>Разблокировать архив</translation>
    </message>
</context>
<context>
    <name>AddRecipientDialog</name>
    <message>
        <source>Add recipient</source>
        <translation>Добавить получателя</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Открытый ключ:</translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Encrypt for recipients (age)</source>
        <translation>Зашифровать для получателей (age)</translation>
    </message>
    <message>
        <source>Only the checked recipients can open the bundle (with age -d and their key); it is written as .zip.age and nothing else reaches the destination. Leave all unchecked for an ordinary bundle.</source>
        <translation>Открыть пакет смогут только отмеченные получатели (командой age -d и своим ключом); он записывается как .zip.age, и больше ничего не попадает в место назначения. Не отмечайте никого, чтобы получить обычный пакет.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>Lock an encrypted archive when idle for:</source>
        <translation>Блокировать зашифрованный архив после простоя:</translation>
    </message>
    <message>
        <source>List encrypted archives under Open Recent</source>
        <translation>Показывать зашифрованные архивы в «Недавних архивах»</translation>
    </message>
    <message>
        <source>Off by default: the list is kept unencrypted in the settings folder, and an archive's folder name and path can say whose evidence it holds. Saved searches of an encrypted archive are always kept inside it, encrypted.</source>
        <translation>По умолчанию выключено: список хранится незашифрованным в папке настроек, а имя папки архива и путь к ней могут выдать, чьи доказательства в нём. Сохранённые поиски зашифрованного архива всегда хранятся внутри него, зашифрованными.</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>Also make a recovery key (shown once)</source>
        <translation>Создать также ключ восстановления (показывается один раз)</translation>
    </message>
    <message>
        <source>Encrypt it with a passphrase</source>
        <translation>Зашифровать его парольной фразой</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите её:</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Парольная фраза должна содержать не менее %1 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>The saved searches could not be kept: %1</source>
        <translation>Сохранённые поиски не удалось записать: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveEncryption</name>
    <message>
        <source>Encryption not finished</source>
        <translation>Шифрование не завершено</translation>
    </message>
    <message>
        <source>The encryption of %1 was interrupted. The archive opens again only when it is finished.</source>
        <translation>Шифрование архива %1 было прервано. Архив откроется снова только после его завершения.</translation>
    </message>
    <message>
        <source>What is already encrypted stays encrypted; every remaining original is checked before its plaintext is replaced. Finishing needs the passphrase chosen when the encryption started, and can be cancelled again.</source>
        <translation>Уже зашифрованное остаётся зашифрованным; каждый оставшийся оригинал проверяется, прежде чем его открытый текст будет заменён. Для завершения нужна парольная фраза, выбранная в начале шифрования; его снова можно отменить.</translation>
    </message>
    <message>
        <source>Finish encryption</source>
        <translation>Завершить шифрование</translation>
    </message>
    <message>
        <source>%1 was not opened: its encryption is not finished.</source>
        <translation>%1 не открыт: его шифрование не завершено.</translation>
    </message>
    <message>
        <source>Finishing the encryption</source>
        <translation>Завершение шифрования</translation>
    </message>
    <message>
        <source>Encrypting the archive</source>
        <translation>Шифрование архива</translation>
    </message>
    <message>
        <source>Encryption stopped. The archive opens again only when it is finished: open it again to continue (or run evidence-desk encrypt --archive %1).</source>
        <translation>Шифрование остановлено. Архив откроется снова только после его завершения: откройте его ещё раз, чтобы продолжить (или выполните evidence-desk encrypt --archive %1).</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Неверная парольная фраза; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The archive was not encrypted: %1</source>
        <translation>Архив не зашифрован: %1</translation>
    </message>
</context>
</TS>
