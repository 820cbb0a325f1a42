<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BundleUi</name>
    <message numerus="yes">
        <source>%n exhibit(s) exported to %2.
Key fingerprint: %3</source>
        <translation>
            <numerusform>%n exhibit exported to %2.
Key fingerprint: %3</numerusform>
            <numerusform>%n exhibits exported to %2.
Key fingerprint: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) left out (see the bundle's report).</source>
        <translation>
            <numerusform>%n item left out (see the bundle's report).</numerusform>
            <numerusform>%n items left out (see the bundle's report).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleVerifyDialog</name>
    <message numerus="yes">
        <source>The bundle FAILED the check: %n problem(s).</source>
        <translation>
            <numerusform>The bundle FAILED the check: %n problem.</numerusform>
            <numerusform>The bundle FAILED the check: %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseUI</name>
    <message numerus="yes">
        <source>%Ln chat message(s)</source>
        <translation>
            <numerusform>%Ln chat message</numerusform>
            <numerusform>%Ln chat messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln incident</numerusform>
            <numerusform>%Ln incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a capture time</source>
        <translation>
            <numerusform>%Ln without a capture time</numerusform>
            <numerusform>%Ln without a capture time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) placed by GPS.</source>
        <translation>
            <numerusform>%n item placed by GPS.</numerusform>
            <numerusform>%n items placed by GPS.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Linked %n item(s) to %2</source>
        <translation>
            <numerusform>Linked %n item to %2</numerusform>
            <numerusform>Linked %n items to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected item(s)</source>
        <translation>
            <numerusform>The selected item</numerusform>
            <numerusform>The %n selected items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message numerus="yes">
        <source>%Ln item(s) selected. Changes here apply to all of them, and each change is written to every item's custody log.</source>
        <translation>
            <numerusform>%Ln item selected. Changes here apply to it, and each change is written to its custody log.</numerusform>
            <numerusform>%Ln items selected. Changes here apply to all of them, and each change is written to every item's custody log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message numerus="yes">
        <source>Remove %n item(s) from the catalogue</source>
        <translation>
            <numerusform>Remove %n item from the catalogue</numerusform>
            <numerusform>Remove %n items from the catalogue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n item(s)</source>
        <translation>
            <numerusform>Restore %n item</numerusform>
            <numerusform>Restore %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set sensitivity of %n item(s) to %2</source>
        <translation>
            <numerusform>Set sensitivity of %n item to %2</numerusform>
            <numerusform>Set sensitivity of %n items to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n item(s) already in this archive gain the sender's provenance and history.</source>
        <translation>
            <numerusform>%n item already in this archive gains the sender's provenance and history.</numerusform>
            <numerusform>%n items already in this archive gain the sender's provenance and history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s) will be added.</source>
        <translation>
            <numerusform>%n new item will be added.</numerusform>
            <numerusform>%n new items will be added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%1 of %Ln item</numerusform>
            <numerusform>%1 of %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed item(s)</source>
        <translation>
            <numerusform>%Ln removed item</numerusform>
            <numerusform>%Ln removed items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message numerus="yes">
        <source>Remove %Ln item(s) (%2) from the catalogue?

They will be hidden from the catalogue and searches. The originals stay in the archive's store, the removal is written to each item's custody log with your reason, and the items can be restored from “Removed items”.</source>
        <translation>
            <numerusform>Remove %Ln item (%2) from the catalogue?

It will be hidden from the catalogue and searches. The original stays in the archive's store, the removal is written to the item's custody log with your reason, and the item can be restored from “Removed items”.</numerusform>
            <numerusform>Remove %Ln items (%2) from the catalogue?

They will be hidden from the catalogue and searches. The originals stay in the archive's store, the removal is written to each item's custody log with your reason, and the items can be restored from “Removed items”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>%n duplicate(s) (already in the archive)</source>
        <translation>
            <numerusform>%n duplicate (already in the archive)</numerusform>
            <numerusform>%n duplicates (already in the archive)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Tags to add to %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Tags to add to %Ln selected item (comma-separated):</numerusform>
            <numerusform>Tags to add to %Ln selected items (comma-separated):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags to remove from %Ln selected item(s) (comma-separated):</source>
        <translation>
            <numerusform>Tags to remove from %Ln selected item (comma-separated):</numerusform>
            <numerusform>Tags to remove from %Ln selected items (comma-separated):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message numerus="yes">
        <source>Linked %n message(s) to %2</source>
        <translation>
            <numerusform>Linked %n message to %2</numerusform>
            <numerusform>Linked %n messages to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentChooser</name>
    <message numerus="yes">
        <source>Link %n message(s) to the incident:</source>
        <translation>
            <numerusform>Link %n message to the incident:</numerusform>
            <numerusform>Link %n messages to the incident:</numerusform>
        </translation>
    </message>
</context>
</TS>
