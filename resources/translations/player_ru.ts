<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>DetailPanel</name>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Play in the application, streamed from the archive; no copy is written.</source>
        <translation>Воспроизвести в приложении прямо из архива; копия на диск не записывается.</translation>
    </message>
    <message>
        <source>In-app playback is not available here (%1).</source>
        <translation>Воспроизведение в приложении здесь недоступно (%1).</translation>
    </message>
</context>
<context>
    <name>MediaPlayerView</name>
    <message>
        <source>Play (Space)</source>
        <translation>Воспроизвести (Пробел)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Пауза (Пробел)</translation>
    </message>
    <message>
        <source>Previous frame (,)</source>
        <translation>Предыдущий кадр (,)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>Следующий кадр (.)</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <source>Cannot read the original: %1</source>
        <translation>Не удаётся прочитать оригинал: %1</translation>
    </message>
    <message>
        <source>Cannot play this file: %1</source>
        <translation>Не удаётся воспроизвести этот файл: %1</translation>
    </message>
</context>
</TS>
