<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>DetailPanel</name>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Play in the application, streamed from the archive; no copy is written.</source>
        <translation>Қолданбада мұрағаттан тікелей ойнату; дискіге көшірме жазылмайды.</translation>
    </message>
    <message>
        <source>In-app playback is not available here (%1).</source>
        <translation>Қолданбада ойнату мұнда қолжетімсіз (%1).</translation>
    </message>
</context>
<context>
    <name>MediaPlayerView</name>
    <message>
        <source>Play (Space)</source>
        <translation>Ойнату (Бос орын)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Кідірту (Бос орын)</translation>
    </message>
    <message>
        <source>Previous frame (,)</source>
        <translation>Алдыңғы кадр (,)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>Келесі кадр (.)</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Дыбысты өшіру</translation>
    </message>
    <message>
        <source>Cannot read the original: %1</source>
        <translation>Түпнұсқаны оқу мүмкін емес: %1</translation>
    </message>
    <message>
        <source>Cannot play this file: %1</source>
        <translation>Бұл файлды ойнату мүмкін емес: %1</translation>
    </message>
</context>
</TS>
