<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>ArchiveLock</name>
    <message>
        <source>&amp;Encrypt This Archive…</source>
        <translation>Бұл мұрағатты &amp;шифрлау…</translation>
    </message>
    <message>
        <source>&amp;Lock Archive</source>
        <translation>Мұрағатты &amp;бұғаттау</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>Құпия &amp;фразаны өзгерту…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <source>Could not open the archive: %1</source>
        <translation>Мұрағатты ашу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Evidence Desk — locked</source>
        <translation>Evidence Desk — бұғатталған</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 ашылуда…</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Құпия фраза өзгертілді.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Қалпына келтіру кілті</translation>
    </message>
    <message>
        <source>The archive is locked.</source>
        <translation>Мұрағат бұғатталды.</translation>
    </message>
    <message>
        <source>The passphrase was not changed: %1</source>
        <translation>Құпия фраза өзгертілмеді: %1</translation>
    </message>
    <message>
        <source>Write this recovery key down and keep it apart from the laptop. It is shown only now; with it a forgotten passphrase can be replaced.</source>
        <translation>Осы қалпына келтіру кілтін жазып алып, ноутбуктан бөлек сақтаңыз. Ол тек қазір көрсетіледі; оның көмегімен ұмытылған құпия фразаны ауыстыруға болады.</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Құпия фраза қате; қайта көріңіз.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Decrypted copy</source>
        <translation>Шифрі ашылған көшірме</translation>
    </message>
    <message>
        <source>This archive is encrypted. Another application can only open a decrypted copy: it is written to memory (RAM), not to the disk, and removed when the archive is closed or locked. While it exists, other programs of this user can read it. Open it?</source>
        <translation>Бұл мұрағат шифрланған. Басқа қолданба тек шифрі ашылған көшірмені аша алады: ол дискіге емес, жедел жадқа (RAM) жазылады және мұрағат жабылғанда не бұғатталғанда жойылады. Ол бар кезде бұл пайдаланушының басқа бағдарламалары оны оқи алады. Ашу керек пе?</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Encrypt this archive</source>
        <translation>Бұл мұрағатты шифрлау</translation>
    </message>
    <message>
        <source>Every original, thumbnail and key and the database are encrypted in place; each original is checked before its plaintext is replaced. Old plaintext may remain in the disk's free space.</source>
        <translation>Барлық түпнұсқалар, нобайлар, кілттер және дерекқор орнында шифрланады; әр түпнұсқа ашық мәтіні ауыстырылмас бұрын тексеріледі. Ескі шифрланбаған деректер дискінің бос орнында қалуы мүмкін.</translation>
    </message>
    <message>
        <source>Also make a recovery key (shown once)</source>
        <translation>Қалпына келтіру кілтін де жасау (бір рет көрсетіледі)</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Құпия фразаны өзгерту</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Қазіргі құпия фраза:</translation>
    </message>
    <message>
        <source>Encrypt this archive with a passphrase</source>
        <translation>Бұл мұрағатты құпия фразамен шифрлау</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>Жаңа мұрағат</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Жаңа құпия фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Оны қайталаңыз:</translation>
    </message>
    <message>
        <source>Several words are best: anyone holding the archive folder can try guesses. Without the passphrase (or the recovery key) nothing can be recovered.</source>
        <translation>Бірнеше сөз болғаны дұрыс: мұрағат қалтасы қолына түскен кез келген адам фразаны таңдап көре алады. Құпия фразасыз (немесе қалпына келтіру кілтісіз) ештеңені қалпына келтіру мүмкін емес.</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Құпия фраза кемінде %1 таңбадан тұруы керек.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Екі құпия фраза сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>%1 is encrypted. Enter its passphrase.</source>
        <translation>%1 шифрланған. Оның құпия фразасын енгізіңіз.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Unlock archive</source>
        <translation>Мұрағатты ашу</translation>
    </message>
</context>
<context>
    <name>AddRecipientDialog</name>
    <message>
        <source>Add recipient</source>
        <translation>Алушыны қосу</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Аты:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Ашық кілт:</translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <source>Add…</source>
        <translation>Қосу…</translation>
    </message>
    <message>
        <source>Encrypt for recipients (age)</source>
        <translation>Алушылар үшін шифрлау (age)</translation>
    </message>
    <message>
        <source>Only the checked recipients can open the bundle (with age -d and their key); it is written as .zip.age and nothing else reaches the destination. Leave all unchecked for an ordinary bundle.</source>
        <translation>Пакетті тек белгіленген алушылар ғана аша алады (age -d командасымен және өз кілтімен); ол .zip.age ретінде жазылады, ал мақсатты орынға басқа ештеңе түспейді. Кәдімгі пакет үшін ешкімді белгілемеңіз.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Өшіру</translation>
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
        <translation>ешқашан</translation>
    </message>
    <message>
        <source>Lock an encrypted archive when idle for:</source>
        <translation>Шифрланған мұрағатты әрекетсіздіктен кейін бұғаттау:</translation>
    </message>
    <message>
        <source>List encrypted archives under Open Recent</source>
        <translation>Шифрланған мұрағаттарды «Соңғы мұрағаттар» тізімінде көрсету</translation>
    </message>
    <message>
        <source>Off by default: the list is kept unencrypted in the settings folder, and an archive's folder name and path can say whose evidence it holds. Saved searches of an encrypted archive are always kept inside it, encrypted.</source>
        <translation>Әдепкі бойынша өшірулі: тізім баптаулар қалтасында шифрланбай сақталады, ал мұрағат қалтасының аты мен жолы онда кімнің дәлелдері бар екенін аңғартуы мүмкін. Шифрланған мұрағаттың сақталған іздеулері әрқашан оның ішінде, шифрланып сақталады.</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <source>Also make a recovery key (shown once)</source>
        <translation>Қалпына келтіру кілтін де жасау (бір рет көрсетіледі)</translation>
    </message>
    <message>
        <source>Encrypt it with a passphrase</source>
        <translation>Оны құпия фразамен шифрлау</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Оны қайталаңыз:</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Құпия фраза кемінде %1 таңбадан тұруы керек.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Екі құпия фраза сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved searches</source>
        <translation>Сақталған іздеулер</translation>
    </message>
    <message>
        <source>The saved searches could not be kept: %1</source>
        <translation>Сақталған іздеулерді сақтау мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveEncryption</name>
    <message>
        <source>Encryption not finished</source>
        <translation>Шифрлау аяқталмаған</translation>
    </message>
    <message>
        <source>The encryption of %1 was interrupted. The archive opens again only when it is finished.</source>
        <translation>%1 мұрағатын шифрлау үзілді. Мұрағат ол аяқталғаннан кейін ғана қайта ашылады.</translation>
    </message>
    <message>
        <source>What is already encrypted stays encrypted; every remaining original is checked before its plaintext is replaced. Finishing needs the passphrase chosen when the encryption started, and can be cancelled again.</source>
        <translation>Шифрланып қойғаны шифрланған күйде қалады; қалған әр түпнұсқа оның ашық мәтіні ауыстырылмас бұрын тексеріледі. Аяқтау үшін шифрлау басталғанда таңдалған құпия фраза керек; оны қайтадан тоқтатуға болады.</translation>
    </message>
    <message>
        <source>Finish encryption</source>
        <translation>Шифрлауды аяқтау</translation>
    </message>
    <message>
        <source>%1 was not opened: its encryption is not finished.</source>
        <translation>%1 ашылмады: оны шифрлау аяқталмаған.</translation>
    </message>
    <message>
        <source>Finishing the encryption</source>
        <translation>Шифрлау аяқталуда</translation>
    </message>
    <message>
        <source>Encrypting the archive</source>
        <translation>Мұрағат шифрлануда</translation>
    </message>
    <message>
        <source>Encryption stopped. The archive opens again only when it is finished: open it again to continue (or run evidence-desk encrypt --archive %1).</source>
        <translation>Шифрлау тоқтатылды. Мұрағат ол аяқталғаннан кейін ғана қайта ашылады: жалғастыру үшін оны қайта ашыңыз (немесе evidence-desk encrypt --archive %1 командасын орындаңыз).</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Құпия фраза қате; қайта көріңіз.</translation>
    </message>
    <message>
        <source>The archive was not encrypted: %1</source>
        <translation>Мұрағат шифрланбады: %1</translation>
    </message>
</context>
</TS>
