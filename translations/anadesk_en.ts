<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>anadesk::AlmPanel</name>
    <message numerus="yes">
        <source>Revision &apos;%1&apos; of %2 compared with the latest revision of %3: %n change(s) — %4 created, %5 modified, %6 deleted.</source>
        <translation>
            <numerusform>Revision &apos;%1&apos; of %2 compared with the latest revision of %3: %n change — %4 created, %5 modified, %6 deleted.</numerusform>
            <numerusform>Revision &apos;%1&apos; of %2 compared with the latest revision of %3: %n changes — %4 created, %5 modified, %6 deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved the comparison report (%n byte(s)) to %1.</source>
        <translation>
            <numerusform>Saved the comparison report (%n byte) to %1.</numerusform>
            <numerusform>Saved the comparison report (%n bytes) to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::AlmSourceDialog</name>
    <message numerus="yes">
        <source>%n revision(s) of the source are newer than &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n revision of the source is newer than &apos;%1&apos;.</numerusform>
            <numerusform>%n revisions of the source are newer than &apos;%1&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::AlmTaskRunner</name>
    <message numerus="yes">
        <source>The task&apos;s status could not be read %n time(s) in a row</source>
        <translation>
            <numerusform>The task&apos;s status could not be read %n time in a row</numerusform>
            <numerusform>The task&apos;s status could not be read %n times in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::BatchedWriteJob</name>
    <message numerus="yes">
        <source>the %n batch(es) before it were written: %1</source>
        <translation>
            <numerusform>the %n batch before it was written: %1</numerusform>
            <numerusform>the %n batches before it were written: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionTester</name>
    <message numerus="yes">
        <source>%n workspace(s)</source>
        <translation>
            <numerusform>%n workspace</numerusform>
            <numerusform>%n workspaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) visible</source>
        <translation>
            <numerusform>%n model visible</numerusform>
            <numerusform>%n models visible</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::DeleteModelsJob</name>
    <message numerus="yes">
        <source>%n model(s) in %1</source>
        <translation>
            <numerusform>%n model in %1</numerusform>
            <numerusform>%n models in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::DropUploadDialog</name>
    <message numerus="yes">
        <source>Running %n import(s)… They also appear in the task monitor; closing this window does not stop the one running.</source>
        <translation>
            <numerusform>Running %n import… It also appears in the task monitor; closing this window does not stop it.</numerusform>
            <numerusform>Running %n imports… They also appear in the task monitor; closing this window does not stop the one running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) uploaded.</source>
        <translation>
            <numerusform>%1 of %n file uploaded.</numerusform>
            <numerusform>%1 of %n files uploaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::FailureDumpDialog</name>
    <message numerus="yes">
        <source>Showing %1 of %n failed row(s)</source>
        <translation>
            <numerusform>Showing %1 of %n failed row</numerusform>
            <numerusform>Showing %1 of %n failed rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::MainWindow</name>
    <message numerus="yes">
        <source>Connected to %1 (%n workspace(s)).</source>
        <translation>
            <numerusform>Connected to %1 (%n workspace).</numerusform>
            <numerusform>Connected to %1 (%n workspaces).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::ModelBrowser</name>
    <message numerus="yes">
        <source>Deleting %n model(s)…</source>
        <translation>
            <numerusform>Deleting %n model…</numerusform>
            <numerusform>Deleting %n models…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::ModelDeleter</name>
    <message numerus="yes">
        <source>Delete %n model(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n model? This cannot be undone.</numerusform>
            <numerusform>Delete %n models? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::SessionController</name>
    <message numerus="yes">
        <source>Connected to %1 as %2 (%n workspace(s))</source>
        <translation>
            <numerusform>Connected to %1 as %2 (%n workspace)</numerusform>
            <numerusform>Connected to %1 as %2 (%n workspaces)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TaskHistoryDialog</name>
    <message numerus="yes">
        <source>%n task(s) listed by Anaplan.</source>
        <translation>
            <numerusform>%n task listed by Anaplan.</numerusform>
            <numerusform>%n tasks listed by Anaplan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TaskMonitorModel</name>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TaskRunner</name>
    <message numerus="yes">
        <source>Could not tell whether the action started: %n new task(s) appeared meanwhile</source>
        <translation>
            <numerusform>Could not tell whether the action started: %n new task appeared meanwhile</numerusform>
            <numerusform>Could not tell whether the action started: %n new tasks appeared meanwhile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The task was started, but its status could not be read %n time(s) in a row</source>
        <translation>
            <numerusform>The task was started, but its status could not be read %n time in a row</numerusform>
            <numerusform>The task was started, but its status could not be read %n times in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TaskTracker</name>
    <message numerus="yes">
        <source>Report of %n byte(s) generated; writing it to %1</source>
        <translation>
            <numerusform>Report of %n byte generated; writing it to %1</numerusform>
            <numerusform>Report of %n bytes generated; writing it to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report generated (%n byte(s))</source>
        <translation>
            <numerusform>Report generated (%n byte)</numerusform>
            <numerusform>Report generated (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TransfersController</name>
    <message numerus="yes">
        <source>Save %n file(s) into</source>
        <translation>
            <numerusform>Save %n file into</numerusform>
            <numerusform>Save %n files into</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::UploadJobBase</name>
    <message numerus="yes">
        <source>Re-sending %n missing chunk(s)</source>
        <translation>
            <numerusform>Re-sending %n missing chunk</numerusform>
            <numerusform>Re-sending %n missing chunks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::UploadPreviewTab</name>
    <message numerus="yes">
        <source>First %n row(s) of the file.</source>
        <translation>
            <numerusform>First %n row of the file.</numerusform>
            <numerusform>First %n rows of the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the file.</source>
        <translation>
            <numerusform>All %n row of the file.</numerusform>
            <numerusform>All %n rows of the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s).</source>
        <translation>
            <numerusform>%n column.</numerusform>
            <numerusform>%n columns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::UserEditDialog</name>
    <message numerus="yes">
        <source>%1 will lose access to all %n workspace(s).</source>
        <translation>
            <numerusform>%1 will lose access to %n workspace.</numerusform>
            <numerusform>%1 will lose access to all %n workspaces.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::cli::ScimCommands</name>
    <message numerus="yes">
        <source>The input names no workspaces, so the user&apos;s current %n workspace(s) were kept. Pass --clear-workspaces to remove them.</source>
        <translation>
            <numerusform>The input names no workspaces, so the user&apos;s current %n workspace was kept. Pass --clear-workspaces to remove it.</numerusform>
            <numerusform>The input names no workspaces, so the user&apos;s current %n workspaces were kept. Pass --clear-workspaces to remove them.</numerusform>
        </translation>
    </message>
</context>
</TS>
