<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
  <context>
    <name>BundleExportDialog</name>
    <message>
      <source>Exported by:</source>
      <translation>Экспорттаған:</translation>
    </message>
    <message>
      <source>Organisation or pseudonym (default: Preferences, else the organisation)</source>
      <translation>Ұйым немесе бүркеншік ат (әдепкі: баптаулардан, әйтпесе ұйым)</translation>
    </message>
    <message>
      <source>Export Bundle</source>
      <translation>Пакетті экспорттау</translation>
    </message>
    <message>
      <source>What to export</source>
      <translation>Не экспортталады</translation>
    </message>
    <message>
      <source>Selected items (%1)</source>
      <translation>Таңдалған нысандар (%1)</translation>
    </message>
    <message>
      <source>Current search result (%1)</source>
      <translation>Ағымдағы іздеу нәтижесі (%1)</translation>
    </message>
    <message>
      <source>An incident:</source>
      <translation>Оқиға:</translation>
    </message>
    <message>
      <source>(loading incidents…)</source>
      <translation>(оқиғалар жүктелуде…)</translation>
    </message>
    <message>
      <source>The whole archive</source>
      <translation>Бүкіл мұрағат</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Профиль</translation>
    </message>
    <message>
      <source>Full — for a court or counsel</source>
      <translation>Толық — сот немесе адвокат үшін</translation>
    </message>
    <message>
      <source>Redacted — for publication or partners</source>
      <translation>Жасырылған — жариялау немесе серіктестер үшін</translation>
    </message>
    <message>
      <source>Format and destination</source>
      <translation>Пішім және сақтау орны</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Қалта</translation>
    </message>
    <message>
      <source>.zip file (stored, not compressed)</source>
      <translation>.zip файлы (сығусыз)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Таңдау…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорттау</translation>
    </message>
    <message>
      <source>(no incidents in this archive)</source>
      <translation>(бұл мұрағатта оқиғалар жоқ)</translation>
    </message>
    <message>
      <source>Everything as held in the archive: originals byte for byte, full records, the chain of custody. Testimonies only where the witness consented to court use. Witness identities are never exported.</source>
      <translation>Мұрағаттағы барлығы: түпнұсқалар байтпен-байт, толық жазбалар, сақтау тізбегі. Айғақтар — куә сотта пайдалануға келісім берген жағдайда ғана. Куәлардың жеке басы ешқашан экспортталмайды.</translation>
    </message>
    <message>
      <source>Removes: confidential items; all metadata inside photos, videos and PDFs (images are rebuilt from their pixels); GPS, device, file names and paths, notes, tags and the names of who gave and who collected each item; the names of everyone in the chain of custody (shown as custodian 1, 2, …); testimonies without consent to publication; interviewers and risk notes; names of persons marked sensitive. Titles become exhibit numbers unless marked publishable. Faces, voices and names inside the content itself are NOT removed — review before publishing.</source>
      <translation>Алынып тасталады: құпия нысандар; фото, бейне және PDF ішіндегі барлық метадеректер (суреттер пикселдерден қайта жиналады); GPS, құрылғы, файл аттары мен жолдары, ескертпелер, белгілер және әр нысанды бергендер мен жинағандардың аттары; сақтау тізбегіндегі барлық адамдардың аттары («custodian 1, 2, …» ретінде көрсетіледі); жариялауға келісімі жоқ айғақтар; сұхбат алушылар мен тәуекел жазбалары; «сезімтал» деп белгіленген адамдардың аттары. Атаулар жариялауға белгіленбесе, айғақ нөмірлерімен ауыстырылады. Мазмұнның өзіндегі беттер, дауыстар мен аттар алынып ТАСТАЛМАЙДЫ — жарияламас бұрын тексеріңіз.</translation>
    </message>
    <message>
      <source>Save bundle as</source>
      <translation>Пакетті сақтау</translation>
    </message>
    <message>
      <source>Zip files (*.zip)</source>
      <translation>Zip файлдары (*.zip)</translation>
    </message>
    <message>
      <source>Name of the new bundle folder</source>
      <translation>Жаңа пакет қалтасының атауы</translation>
    </message>
    <message>
      <source>Choose an incident.</source>
      <translation>Оқиғаны таңдаңыз.</translation>
    </message>
    <message>
      <source>Choose where to save the bundle.</source>
      <translation>Пакетті қайда сақтайтынын таңдаңыз.</translation>
    </message>
    <message>
      <source>%1 already exists; choose a new name.</source>
      <translation>%1 бар; басқа атау таңдаңыз.</translation>
    </message>
    <message>
      <source>The folder %1 does not exist.</source>
      <translation>%1 қалтасы жоқ.</translation>
    </message>
  </context>
  <context>
    <name>BundleImport</name>
    <message>
      <source>Imported from %1 (%2).</source>
      <translation>%1 (%2) ішінен импортталды.</translation>
    </message>
    <message>
      <source>Signed by key: %1</source>
      <translation>Қол қойған кілт: %1</translation>
    </message>
    <message>
      <source>Case records added: %1; merged: %2.</source>
      <translation>Іс жазбалары қосылды: %1; біріктірілді: %2.</translation>
    </message>
    <message>
      <source>Bundle imported</source>
      <translation>Пакет импортталды</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Нәтиже</translation>
    </message>
    <message>
      <source>Sender's exhibit</source>
      <translation>Жіберушідегі нөмір</translation>
    </message>
    <message>
      <source>Exhibit here</source>
      <translation>Мұндағы нөмір</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ескертпелер</translation>
    </message>
    <message>
      <source>%1 new, %2 already here.</source>
      <translation>Жаңа: %1, бұрыннан бар: %2.</translation>
    </message>
    <message>
      <source>This key is now pinned for the sender's archive.</source>
      <translation>Енді бұл кілт жіберушінің мұрағатына бекітілді.</translation>
    </message>
  </context>
  <context>
    <name>BundleUi</name>
    <message>
      <source>&amp;Export Bundle…</source>
      <translation>Пакетті &amp;экспорттау…</translation>
    </message>
    <message>
      <source>&amp;Verify Bundle…</source>
      <translation>Пакетті &amp;тексеру…</translation>
    </message>
    <message>
      <source>Import &amp;Bundle…</source>
      <translation>&amp;Пакетті импорттау…</translation>
    </message>
    <message>
      <source>Bundle</source>
      <translation>Пакет</translation>
    </message>
    <message>
      <source>A bundle task is still running.</source>
      <translation>Пакет тапсырмасы әлі орындалуда.</translation>
    </message>
    <message>
      <source>Exporting bundle</source>
      <translation>Пакет экспортталуда</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>Экспорт сәтсіз аяқталды</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>Экспорт тоқтатылды; ештеңе жазылмады.</translation>
    </message>
    <message>
      <source>Bundle exported</source>
      <translation>Пакет экспортталды</translation>
    </message>
    <message>
      <source>Bundles (*.zip *.age bagit.txt);;All files (*)</source>
      <translation>Пакеттер (*.zip *.age bagit.txt);;Барлық файлдар (*)</translation>
    </message>
    <message>
      <source>Verify Bundle — choose a .zip or bagit.txt</source>
      <translation>Пакетті тексеру — .zip немесе bagit.txt таңдаңыз</translation>
    </message>
    <message>
      <source>Checking bundle</source>
      <translation>Пакет тексерілуде</translation>
    </message>
    <message>
      <source>Check failed</source>
      <translation>Тексеру сәтсіз аяқталды</translation>
    </message>
    <message>
      <source>Import Bundle — choose a .zip or bagit.txt</source>
      <translation>Пакетті импорттау — .zip немесе bagit.txt таңдаңыз</translation>
    </message>
    <message>
      <source>Not imported: the bundle failed its check</source>
      <translation>Импортталмады: пакет тексеруден өтпеді</translation>
    </message>
    <message>
      <source>Importing bundle</source>
      <translation>Пакет импортталуда</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>Импорт сәтсіз аяқталды</translation>
    </message>
  </context>
  <context>
    <name>BundleVerifyDialog</name>
    <message>
      <source>Check cancelled.</source>
      <translation>Тексеру тоқтатылды.</translation>
    </message>
    <message>
      <source>The bundle is intact: every file, checksum, custody chain and the signature check out.</source>
      <translation>Пакет бүтін: барлық файлдар, бақылау сомалары, сақтау тізбектері және қолтаңба дұрыс.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>жоқ</translation>
    </message>
    <message>
      <source>Signed by key: %1</source>
      <translation>Қол қойған кілт: %1</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one the sender gives you by phone.</source>
      <translation>Бұл саусақ ізін жіберуші телефонмен айтқан ізбен салыстырыңыз.</translation>
    </message>
    <message>
      <source>From archive: %1 (%2); profile: %3; %4 items, %5 files checked.</source>
      <translation>Мұрағат: %1 (%2); профиль: %3; нысандар: %4, тексерілген файлдар: %5.</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>Мәселе табылмады.</translation>
    </message>
    <message>
      <source>Bundle check — %1</source>
      <translation>Пакетті тексеру — %1</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Мәселе</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Толығырақ</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import Bundle</source>
      <translation>Пакетті импорттау</translation>
    </message>
    <message>
      <source>incidents</source>
      <translation>оқиға</translation>
    </message>
    <message>
      <source>persons</source>
      <translation>тұлға</translation>
    </message>
    <message>
      <source>testimonies</source>
      <translation>айғақ</translation>
    </message>
    <message>
      <source>places</source>
      <translation>орын</translation>
    </message>
    <message>
      <source>Case records to merge or add: %1.</source>
      <translation>Біріктірілетін не қосылатын іс жазбалары: %1.</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорттау</translation>
    </message>
    <message>
      <source>I have compared this fingerprint with the sender (by phone or in person) and trust this key for their archive.</source>
      <translation>Мен бұл саусақ ізін жіберушімен (телефон арқылы немесе жеке) салыстырдым және оның мұрағаты үшін осы кілтке сенемін.</translation>
    </message>
    <message>
      <source>Signer: the key pinned for this sender's archive (%1).</source>
      <translation>Қол қоюшы: осы жіберушінің мұрағатына бекітілген кілт (%1).</translation>
    </message>
    <message>
      <source>First bundle from this archive. It is signed by key %1. Anyone can make a key and claim any archive: import only if the sender confirms this fingerprint.</source>
      <translation>Бұл мұрағаттан келген алғашқы пакет. Ол %1 кілтімен қол қойылған. Кез келген адам кілт жасап, кез келген мұрағат атынан сөйлей алады: жіберуші осы саусақ ізін растаса ғана импорттаңыз.</translation>
    </message>
    <message>
      <source>REFUSED: the bundle is signed by key %1, which was revoked.</source>
      <translation>ҚАБЫЛДАНБАДЫ: пакет кері қайтарып алынған %1 кілтімен қол қойылған.</translation>
    </message>
    <message>
      <source>REFUSED: this archive's bundles are signed by key %1, but this one is signed by key %2. It may be forged. If the sender really has a new key, confirm it with them and pin it (evidence-desk signers pin).</source>
      <translation>ҚАБЫЛДАНБАДЫ: бұл мұрағаттың пакеттері %1 кілтімен қол қойылады, ал бұл пакет %2 кілтімен қол қойылған. Ол жалған болуы мүмкін. Егер жіберушінің шынымен жаңа кілті болса, оны жіберушімен салыстырып, бекітіңіз (evidence-desk signers pin).</translation>
    </message>
  </context>
</TS>
