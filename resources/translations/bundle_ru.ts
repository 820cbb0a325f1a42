<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name>BundleExportDialog</name>
    <message>
      <source>Exported by:</source>
      <translation>Экспортировал:</translation>
    </message>
    <message>
      <source>Organisation or pseudonym (default: Preferences, else the organisation)</source>
      <translation>Организация или псевдоним (по умолчанию: из настроек, иначе организация)</translation>
    </message>
    <message>
      <source>Export Bundle</source>
      <translation>Экспорт пакета</translation>
    </message>
    <message>
      <source>What to export</source>
      <translation>Что экспортировать</translation>
    </message>
    <message>
      <source>Selected items (%1)</source>
      <translation>Выбранные объекты (%1)</translation>
    </message>
    <message>
      <source>Current search result (%1)</source>
      <translation>Текущий результат поиска (%1)</translation>
    </message>
    <message>
      <source>An incident:</source>
      <translation>Инцидент:</translation>
    </message>
    <message>
      <source>(loading incidents…)</source>
      <translation>(загрузка инцидентов…)</translation>
    </message>
    <message>
      <source>The whole archive</source>
      <translation>Весь архив</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Профиль</translation>
    </message>
    <message>
      <source>Full — for a court or counsel</source>
      <translation>Полный — для суда или адвоката</translation>
    </message>
    <message>
      <source>Redacted — for publication or partners</source>
      <translation>Обезличенный — для публикации или партнёров</translation>
    </message>
    <message>
      <source>Format and destination</source>
      <translation>Формат и место сохранения</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Папка</translation>
    </message>
    <message>
      <source>.zip file (stored, not compressed)</source>
      <translation>Файл .zip (без сжатия)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспортировать</translation>
    </message>
    <message>
      <source>(no incidents in this archive)</source>
      <translation>(в этом архиве нет инцидентов)</translation>
    </message>
    <message>
      <source>Everything as held in the archive: originals byte for byte, full records, the chain of custody. Testimonies only where the witness consented to court use. Witness identities are never exported.</source>
      <translation>Всё, как хранится в архиве: оригиналы байт в байт, полные записи, цепочка хранения. Показания — только если свидетель согласился на использование в суде. Личности свидетелей не экспортируются никогда.</translation>
    </message>
    <message>
      <source>Removes: confidential items; all metadata inside photos, videos and PDFs (images are rebuilt from their pixels); GPS, device, file names and paths, notes, tags and the names of who gave and who collected each item; the names of everyone in the chain of custody (shown as custodian 1, 2, …); testimonies without consent to publication; interviewers and risk notes; names of persons marked sensitive. Titles become exhibit numbers unless marked publishable. Faces, voices and names inside the content itself are NOT removed — review before publishing.</source>
      <translation>Удаляется: конфиденциальные объекты; все метаданные внутри фото, видео и PDF (изображения пересобираются из пикселей); GPS, устройство, имена файлов и пути, примечания, метки и имена тех, кто передал и собрал каждый объект; имена всех в цепочке хранения (показываются как «custodian 1, 2, …»); показания без согласия на публикацию; интервьюеры и заметки о рисках; имена лиц с пометкой «чувствительно». Названия заменяются номерами вещественных доказательств, если не отмечены как публикуемые. Лица, голоса и имена в самом содержимом НЕ удаляются — проверьте перед публикацией.</translation>
    </message>
    <message>
      <source>Save bundle as</source>
      <translation>Сохранить пакет как</translation>
    </message>
    <message>
      <source>Zip files (*.zip)</source>
      <translation>Файлы zip (*.zip)</translation>
    </message>
    <message>
      <source>Name of the new bundle folder</source>
      <translation>Имя новой папки пакета</translation>
    </message>
    <message>
      <source>Choose an incident.</source>
      <translation>Выберите инцидент.</translation>
    </message>
    <message>
      <source>Choose where to save the bundle.</source>
      <translation>Выберите, куда сохранить пакет.</translation>
    </message>
    <message>
      <source>%1 already exists; choose a new name.</source>
      <translation>%1 уже существует; выберите другое имя.</translation>
    </message>
    <message>
      <source>The folder %1 does not exist.</source>
      <translation>Папка %1 не существует.</translation>
    </message>
  </context>
  <context>
    <name>BundleImport</name>
    <message>
      <source>Imported from %1 (%2).</source>
      <translation>Импортировано из %1 (%2).</translation>
    </message>
    <message>
      <source>Signed by key: %1</source>
      <translation>Подписано ключом: %1</translation>
    </message>
    <message>
      <source>Case records added: %1; merged: %2.</source>
      <translation>Записей дела добавлено: %1; объединено: %2.</translation>
    </message>
    <message>
      <source>Bundle imported</source>
      <translation>Пакет импортирован</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Результат</translation>
    </message>
    <message>
      <source>Sender's exhibit</source>
      <translation>Номер у отправителя</translation>
    </message>
    <message>
      <source>Exhibit here</source>
      <translation>Номер здесь</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Примечания</translation>
    </message>
    <message>
      <source>%1 new, %2 already here.</source>
      <translation>Новых: %1, уже были: %2.</translation>
    </message>
    <message>
      <source>This key is now pinned for the sender's archive.</source>
      <translation>Теперь этот ключ закреплён за архивом отправителя.</translation>
    </message>
  </context>
  <context>
    <name>BundleUi</name>
    <message>
      <source>&amp;Export Bundle…</source>
      <translation>&amp;Экспорт пакета…</translation>
    </message>
    <message>
      <source>&amp;Verify Bundle…</source>
      <translation>&amp;Проверить пакет…</translation>
    </message>
    <message>
      <source>Import &amp;Bundle…</source>
      <translation>Импорт &amp;пакета…</translation>
    </message>
    <message>
      <source>Bundle</source>
      <translation>Пакет</translation>
    </message>
    <message>
      <source>A bundle task is still running.</source>
      <translation>Задача с пакетом ещё выполняется.</translation>
    </message>
    <message>
      <source>Exporting bundle</source>
      <translation>Экспорт пакета</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>Экспорт не удался</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
    <message>
      <source>Bundle exported</source>
      <translation>Пакет экспортирован</translation>
    </message>
    <message>
      <source>Bundles (*.zip *.age bagit.txt);;All files (*)</source>
      <translation>Пакеты (*.zip *.age bagit.txt);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Verify Bundle — choose a .zip or bagit.txt</source>
      <translation>Проверка пакета — выберите .zip или bagit.txt</translation>
    </message>
    <message>
      <source>Checking bundle</source>
      <translation>Проверка пакета</translation>
    </message>
    <message>
      <source>Check failed</source>
      <translation>Проверка не удалась</translation>
    </message>
    <message>
      <source>Import Bundle — choose a .zip or bagit.txt</source>
      <translation>Импорт пакета — выберите .zip или bagit.txt</translation>
    </message>
    <message>
      <source>Not imported: the bundle failed its check</source>
      <translation>Не импортировано: пакет не прошёл проверку</translation>
    </message>
    <message>
      <source>Importing bundle</source>
      <translation>Импорт пакета</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>Импорт не удался</translation>
    </message>
  </context>
  <context>
    <name>BundleVerifyDialog</name>
    <message>
      <source>Check cancelled.</source>
      <translation>Проверка отменена.</translation>
    </message>
    <message>
      <source>The bundle is intact: every file, checksum, custody chain and the signature check out.</source>
      <translation>Пакет цел: все файлы, контрольные суммы, цепочки хранения и подпись в порядке.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>Signed by key: %1</source>
      <translation>Подписано ключом: %1</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one the sender gives you by phone.</source>
      <translation>Сверьте этот отпечаток с тем, который отправитель сообщит вам по телефону.</translation>
    </message>
    <message>
      <source>From archive: %1 (%2); profile: %3; %4 items, %5 files checked.</source>
      <translation>Из архива: %1 (%2); профиль: %3; объектов: %4, проверено файлов: %5.</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>Проблем не найдено.</translation>
    </message>
    <message>
      <source>Bundle check — %1</source>
      <translation>Проверка пакета — %1</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Проблема</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Подробности</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import Bundle</source>
      <translation>Импорт пакета</translation>
    </message>
    <message>
      <source>incidents</source>
      <translation>инцидентов</translation>
    </message>
    <message>
      <source>persons</source>
      <translation>лиц</translation>
    </message>
    <message>
      <source>testimonies</source>
      <translation>показаний</translation>
    </message>
    <message>
      <source>places</source>
      <translation>мест</translation>
    </message>
    <message>
      <source>Case records to merge or add: %1.</source>
      <translation>Записи дела для объединения или добавления: %1.</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <source>I have compared this fingerprint with the sender (by phone or in person) and trust this key for their archive.</source>
      <translation>Я сверил этот отпечаток с отправителем (по телефону или лично) и доверяю этому ключу для его архива.</translation>
    </message>
    <message>
      <source>Signer: the key pinned for this sender's archive (%1).</source>
      <translation>Подписант: ключ, закреплённый за архивом этого отправителя (%1).</translation>
    </message>
    <message>
      <source>First bundle from this archive. It is signed by key %1. Anyone can make a key and claim any archive: import only if the sender confirms this fingerprint.</source>
      <translation>Первый пакет из этого архива. Он подписан ключом %1. Кто угодно может создать ключ и выдать себя за любой архив: импортируйте, только если отправитель подтвердит этот отпечаток.</translation>
    </message>
    <message>
      <source>REFUSED: the bundle is signed by key %1, which was revoked.</source>
      <translation>ОТКЛОНЕНО: пакет подписан ключом %1, который был отозван.</translation>
    </message>
    <message>
      <source>REFUSED: this archive's bundles are signed by key %1, but this one is signed by key %2. It may be forged. If the sender really has a new key, confirm it with them and pin it (evidence-desk signers pin).</source>
      <translation>ОТКЛОНЕНО: пакеты этого архива подписываются ключом %1, а этот подписан ключом %2. Он может быть подделан. Если у отправителя действительно новый ключ, сверьте его с ним и закрепите (evidence-desk signers pin).</translation>
    </message>
  </context>
</TS>
