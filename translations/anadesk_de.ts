<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>PlainTextSecretFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a valid secrets file (%2); delete it and save the secrets again</source>
        <translation>%1 ist keine gültige Geheimnisdatei (%2); löschen Sie sie und speichern Sie die Geheimnisse erneut</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No workspace selected</source>
        <translation>Kein Arbeitsbereich ausgewählt</translation>
    </message>
    <message>
        <source>Select a workspace, or list the models of all workspaces.</source>
        <translation>Wählen Sie einen Arbeitsbereich aus oder listen Sie die Modelle aller Arbeitsbereiche auf.</translation>
    </message>
    <message>
        <source>A source revision, its source model and the target revision are all needed</source>
        <translation>Eine Quellrevision, ihr Quellmodell und die Zielrevision werden alle benötigt</translation>
    </message>
</context>
<context>
    <name>anadesk</name>
    <message>
        <source>workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>task %1 of %2</source>
        <translation>Aufgabe %1 von %2</translation>
    </message>
    <message>
        <source>No workspace and model selected</source>
        <translation>Kein Arbeitsbereich und kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>No workspace selected</source>
        <translation>Kein Arbeitsbereich ausgewählt</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>The failure dump is no longer available</source>
        <translation>Der Fehlerbericht (Dump) ist nicht mehr verfügbar</translation>
    </message>
    <message>
        <source>Anaplan keeps a dump until the same import runs again without errors (or runs again by the same user), and for at most 48 hours after it was last read. Run the action again to get a new dump.</source>
        <translation>Anaplan behält einen Dump, bis derselbe Import erneut fehlerfrei läuft (oder vom selben Benutzer erneut ausgeführt wird), und höchstens 48 Stunden nach dem letzten Abruf. Führen Sie die Aktion erneut aus, um einen neuen Dump zu erhalten.</translation>
    </message>
    <message>
        <source>Select a workspace and a model first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich und ein Modell aus.</translation>
    </message>
    <message>
        <source>Failure dumps exist only for imports (112…) and processes (118…), not for &apos;%1&apos;</source>
        <translation>Fehler-Dumps gibt es nur für Importe (112…) und Prozesse (118…), nicht für „%1“</translation>
    </message>
    <message>
        <source>No task id given</source>
        <translation>Keine Aufgaben-ID angegeben</translation>
    </message>
    <message>
        <source>A process dump needs the object id of the failed action inside the process</source>
        <translation>Ein Prozess-Dump benötigt die Objekt-ID der fehlgeschlagenen Aktion innerhalb des Prozesses</translation>
    </message>
    <message>
        <source>Take it from the task result&apos;s nested results (objectId).</source>
        <translation>Entnehmen Sie sie den verschachtelten Ergebnissen des Aufgabenergebnisses (objectId).</translation>
    </message>
    <message>
        <source>Cannot sort by &apos;%1&apos;; allowed: %2</source>
        <translation>Sortieren nach „%1“ ist nicht möglich; erlaubt: %2</translation>
    </message>
    <message>
        <source>This listing cannot be searched</source>
        <translation>Diese Liste kann nicht durchsucht werden</translation>
    </message>
    <message>
        <source>models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>models of %1</source>
        <translation>Modelle von %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>No %1 id or name given</source>
        <translation>Keine ID und kein Name für %1 angegeben</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; matches %2 %3s</source>
        <translation>Der Name „%1“ passt auf %2 Objekte vom Typ %3</translation>
    </message>
    <message>
        <source>Use the id instead of the name.</source>
        <translation>Verwenden Sie die ID statt des Namens.</translation>
    </message>
    <message>
        <source>No %1 has the id or name &apos;%2&apos;</source>
        <translation>Kein Objekt vom Typ %1 hat die ID oder den Namen „%2“</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>Meinten Sie: %1?</translation>
    </message>
    <message>
        <source>List the %1s to see the ids and names you can use.</source>
        <translation>Listen Sie die Objekte vom Typ %1 auf, um die verwendbaren IDs und Namen zu sehen.</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>runnable action</source>
        <translation>ausführbare Aktion</translation>
    </message>
    <message>
        <source>Use the id of an import (112…), export (116…), action (117…) or process (118…).</source>
        <translation>Verwenden Sie die ID eines Imports (112…), Exports (116…), einer Aktion (117…) oder eines Prozesses (118…).</translation>
    </message>
    <message>
        <source>No action id given</source>
        <translation>Keine Aktions-ID angegeben</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the id of an import, export, action or process</source>
        <translation>„%1“ ist nicht die ID eines Imports, Exports, einer Aktion oder eines Prozesses</translation>
    </message>
    <message>
        <source>tasks of %1</source>
        <translation>Aufgaben von %1</translation>
    </message>
    <message>
        <source>workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>The %1 file could not be read</source>
        <translation>Die %1-Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Check the path and the file permissions.</source>
        <translation>Prüfen Sie den Pfad und die Dateiberechtigungen.</translation>
    </message>
    <message>
        <source>certificate sign-in</source>
        <translation>Zertifikatsanmeldung</translation>
    </message>
    <message>
        <source>The private key could not be read</source>
        <translation>Der private Schlüssel konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Choose the PEM file with the private key (&quot;-----BEGIN PRIVATE KEY-----&quot; or &quot;-----BEGIN RSA PRIVATE KEY-----&quot;).</source>
        <translation>Wählen Sie die PEM-Datei mit dem privaten Schlüssel („-----BEGIN PRIVATE KEY-----“ oder „-----BEGIN RSA PRIVATE KEY-----“).</translation>
    </message>
    <message>
        <source>The private key is encrypted and no passphrase was given</source>
        <translation>Der private Schlüssel ist verschlüsselt, und es wurde keine Passphrase angegeben</translation>
    </message>
    <message>
        <source>Enter the key&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase des Schlüssels ein.</translation>
    </message>
    <message>
        <source>The passphrase does not unlock the private key</source>
        <translation>Die Passphrase entsperrt den privaten Schlüssel nicht</translation>
    </message>
    <message>
        <source>Check the passphrase (it is case-sensitive).</source>
        <translation>Prüfen Sie die Passphrase (Groß-/Kleinschreibung wird unterschieden).</translation>
    </message>
    <message>
        <source>The certificate could not be read</source>
        <translation>Das Zertifikat konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Choose the PEM certificate file (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>Wählen Sie die PEM-Zertifikatsdatei („-----BEGIN CERTIFICATE-----“).</translation>
    </message>
    <message>
        <source>The private key is not an RSA key</source>
        <translation>Der private Schlüssel ist kein RSA-Schlüssel</translation>
    </message>
    <message>
        <source>Anaplan certificate sign-in needs an RSA key (2048 bits or more).</source>
        <translation>Die Zertifikatsanmeldung bei Anaplan benötigt einen RSA-Schlüssel (2048 Bit oder mehr).</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat</translation>
    </message>
    <message>
        <source>Choose the key file that was created together with this certificate.</source>
        <translation>Wählen Sie die Schlüsseldatei, die zusammen mit diesem Zertifikat erzeugt wurde.</translation>
    </message>
    <message>
        <source>Anaplan rejected the credentials (HTTP 401)</source>
        <translation>Anaplan hat die Anmeldedaten abgelehnt (HTTP 401)</translation>
    </message>
    <message>
        <source>Check the user name and password, or the certificate and key. Nothing is retried automatically: repeated failures can lock the account.</source>
        <translation>Prüfen Sie Benutzername und Passwort bzw. Zertifikat und Schlüssel. Es wird nichts automatisch wiederholt: wiederholte Fehlversuche können das Konto sperren.</translation>
    </message>
    <message>
        <source>The sign-in answer contained no token</source>
        <translation>Die Antwort auf die Anmeldung enthielt kein Token</translation>
    </message>
    <message>
        <source>Check that the authentication host is Anaplan&apos;s (or the sandbox) and not a proxy page.</source>
        <translation>Prüfen Sie, dass der Authentifizierungs-Host der von Anaplan (oder die Sandbox) ist und keine Proxy-Seite.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid (HTTP %1)</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt (HTTP %1)</translation>
    </message>
    <message>
        <source>Check the values sent; the server&apos;s message names what it refused.</source>
        <translation>Prüfen Sie die gesendeten Werte; die Meldung des Servers nennt, was er abgelehnt hat.</translation>
    </message>
    <message>
        <source>Not signed in, or the session has expired (HTTP %1)</source>
        <translation>Nicht angemeldet oder die Sitzung ist abgelaufen (HTTP %1)</translation>
    </message>
    <message>
        <source>Sign in again; if it keeps failing, check the user name, password or certificate.</source>
        <translation>Melden Sie sich erneut an; wenn es weiterhin fehlschlägt, prüfen Sie Benutzername, Passwort oder Zertifikat.</translation>
    </message>
    <message>
        <source>Permission denied (HTTP %1)</source>
        <translation>Zugriff verweigert (HTTP %1)</translation>
    </message>
    <message>
        <source>Ask a workspace administrator for access to this object.</source>
        <translation>Bitten Sie einen Arbeitsbereichsadministrator um Zugriff auf dieses Objekt.</translation>
    </message>
    <message>
        <source>Not found (HTTP %1)</source>
        <translation>Nicht gefunden (HTTP %1)</translation>
    </message>
    <message>
        <source>Check the id; Anaplan also reports objects you have no access to as missing, so ask a model builder whether your role can see it.</source>
        <translation>Prüfen Sie die ID; Anaplan meldet auch Objekte ohne Zugriffsrecht als nicht vorhanden – fragen Sie daher einen Model Builder, ob Ihre Rolle es sehen darf.</translation>
    </message>
    <message>
        <source>The model is busy or locked (HTTP %1)</source>
        <translation>Das Modell ist beschäftigt oder gesperrt (HTTP %1)</translation>
    </message>
    <message>
        <source>Wait until the running import, export or process has finished, then try again.</source>
        <translation>Warten Sie, bis der laufende Import, Export oder Prozess beendet ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The model is archived (HTTP %1)</source>
        <translation>Das Modell ist archiviert (HTTP %1)</translation>
    </message>
    <message>
        <source>Ask a workspace administrator to unarchive the model first.</source>
        <translation>Bitten Sie zuerst einen Arbeitsbereichsadministrator, das Modell aus dem Archiv zu holen.</translation>
    </message>
    <message>
        <source>Anaplan is limiting the request rate (HTTP %1)</source>
        <translation>Anaplan begrenzt die Anfragerate (HTTP %1)</translation>
    </message>
    <message>
        <source>Wait a minute and try again, or lower the number of parallel transfers.</source>
        <translation>Warten Sie eine Minute und versuchen Sie es erneut, oder verringern Sie die Zahl paralleler Übertragungen.</translation>
    </message>
    <message>
        <source>The server timed out waiting for the request (HTTP %1)</source>
        <translation>Beim Server ist das Warten auf die Anfrage abgelaufen (HTTP %1)</translation>
    </message>
    <message>
        <source>Try again; check the network if it keeps happening.</source>
        <translation>Versuchen Sie es erneut; prüfen Sie das Netzwerk, falls es wieder auftritt.</translation>
    </message>
    <message>
        <source>Anaplan reported a server error (HTTP %1)</source>
        <translation>Anaplan meldet einen Serverfehler (HTTP %1)</translation>
    </message>
    <message>
        <source>This is usually temporary: try again in a few minutes.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>The server gave an unexpected answer (HTTP %1)</source>
        <translation>Der Server hat unerwartet geantwortet (HTTP %1)</translation>
    </message>
    <message>
        <source>Try again; if it persists, check proxy settings and the configured hosts.</source>
        <translation>Versuchen Sie es erneut; wenn es bestehen bleibt, prüfen Sie die Proxy-Einstellungen und die konfigurierten Hosts.</translation>
    </message>
    <message>
        <source>The connection to %1 was refused</source>
        <translation>Die Verbindung zu %1 wurde abgelehnt</translation>
    </message>
    <message>
        <source>Check the host name and port, and whether a firewall blocks the connection.</source>
        <translation>Prüfen Sie Hostname und Port und ob eine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <source>Host %1 was not found</source>
        <translation>Host %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Check the region or host name and the network connection.</source>
        <translation>Prüfen Sie Region bzw. Hostnamen und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the answer was complete</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>Try again; check the network or proxy if it keeps happening.</source>
        <translation>Versuchen Sie es erneut; prüfen Sie Netzwerk oder Proxy, falls es wieder auftritt.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out</source>
        <translation>Zeitüberschreitung bei der Verbindung zu %1</translation>
    </message>
    <message>
        <source>Check the network connection and proxy settings.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und die Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be verified</source>
        <translation>Die sichere Verbindung zu %1 konnte nicht verifiziert werden</translation>
    </message>
    <message>
        <source>If a company proxy inspects TLS, import its CA certificate in the connection settings; otherwise do not continue — the connection may be intercepted.</source>
        <translation>Falls ein Firmen-Proxy TLS prüft, importieren Sie dessen CA-Zertifikat in den Verbindungseinstellungen; andernfalls fahren Sie nicht fort – die Verbindung wird möglicherweise abgehört.</translation>
    </message>
    <message>
        <source>%1 redirected the request to another host or port; the redirect was not followed, so the sign-in token was not sent there</source>
        <translation>%1 hat die Anfrage an einen anderen Host oder Port umgeleitet; der Umleitung wurde nicht gefolgt, das Anmeldetoken wurde also nicht dorthin gesendet</translation>
    </message>
    <message>
        <source>Check the configured hosts and proxy.</source>
        <translation>Prüfen Sie die konfigurierten Hosts und den Proxy.</translation>
    </message>
    <message>
        <source>The proxy could not be reached</source>
        <translation>Der Proxy ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Check the proxy settings.</source>
        <translation>Prüfen Sie die Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>The proxy requires a user name and password</source>
        <translation>Der Proxy verlangt Benutzername und Passwort</translation>
    </message>
    <message>
        <source>Enter the proxy credentials in the connection settings.</source>
        <translation>Geben Sie die Proxy-Anmeldedaten in den Verbindungseinstellungen ein.</translation>
    </message>
    <message>
        <source>The request to %1 failed</source>
        <translation>Die Anfrage an %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the network connection and try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No data from %1 for %2 s</source>
        <translation>Seit %2 s keine Daten von %1</translation>
    </message>
    <message>
        <source>Large or dormant models can be slow to answer: try again, or raise the timeout in the connection settings.</source>
        <translation>Große oder ruhende Modelle können langsam antworten: Versuchen Sie es erneut oder erhöhen Sie das Zeitlimit in den Verbindungseinstellungen.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The answer from %1 was cut off after %2 of %3 bytes</source>
        <translation>Die Antwort von %1 brach nach %2 von %3 Bytes ab</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>sync task</source>
        <translation>Synchronisierungsaufgabe</translation>
    </message>
    <message>
        <source>comparison report task</source>
        <translation>Vergleichsberichtsaufgabe</translation>
    </message>
    <message>
        <source>summary report task</source>
        <translation>Zusammenfassungsberichtsaufgabe</translation>
    </message>
    <message>
        <source>entry %1 is not a JSON object</source>
        <translation>Eintrag %1 ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>entry %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>entry %1 alone is %2 bytes, over the %3-byte limit of one request</source>
        <translation>Eintrag %1 allein hat %2 Bytes und überschreitet die Grenze von %3 Bytes für eine Anfrage</translation>
    </message>
    <message>
        <source>No %1 id given</source>
        <translation>Keine ID angegeben (%1)</translation>
    </message>
    <message>
        <source>Give the id of the %1.</source>
        <translation>Geben Sie die ID an (%1).</translation>
    </message>
    <message>
        <source>module %1</source>
        <translation>Modul %1</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>Liste %1</translation>
    </message>
    <message>
        <source>view %1</source>
        <translation>Ansicht %1</translation>
    </message>
    <message>
        <source>line item %1</source>
        <translation>Zeilenelement %1</translation>
    </message>
    <message>
        <source>dimension %1</source>
        <translation>Dimension %1</translation>
    </message>
    <message>
        <source>This API works on one model: select a model (or give its id) first.</source>
        <translation>Diese API arbeitet mit einem einzelnen Modell: Wählen Sie zuerst ein Modell aus (oder geben Sie seine ID an).</translation>
    </message>
    <message>
        <source>the view data is not valid JSON (%1 at byte %2)</source>
        <translation>die Ansichtsdaten sind kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the view data is not a JSON object</source>
        <translation>die Ansichtsdaten sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>&apos;rows&apos; of the view data is not an array</source>
        <translation>„rows“ der Ansichtsdaten ist kein Array</translation>
    </message>
    <message>
        <source>a new item needs a name or a code</source>
        <translation>ein neues Element benötigt einen Namen oder einen Code</translation>
    </message>
    <message>
        <source>an item to update needs its id, code or name</source>
        <translation>ein zu aktualisierendes Element benötigt seine ID, seinen Code oder seinen Namen</translation>
    </message>
    <message>
        <source>an item to delete needs its id, code or name</source>
        <translation>ein zu löschendes Element benötigt seine ID, seinen Code oder seinen Namen</translation>
    </message>
    <message>
        <source>a cell needs lineItemId or lineItemName</source>
        <translation>eine Zelle benötigt lineItemId oder lineItemName</translation>
    </message>
    <message>
        <source>a cell needs a value (string, number or boolean; not null)</source>
        <translation>eine Zelle benötigt einen Wert (Zeichenkette, Zahl oder Wahrheitswert; nicht null)</translation>
    </message>
    <message>
        <source>&apos;dimensions&apos; must be an array</source>
        <translation>„dimensions“ muss ein Array sein</translation>
    </message>
    <message>
        <source>The request conflicts with the object&apos;s current state (HTTP %1)</source>
        <translation>Die Anfrage steht im Widerspruch zum aktuellen Zustand des Objekts (HTTP %1)</translation>
    </message>
    <message>
        <source>Another object already uses this name, or the object is in use or running; the server&apos;s message says which. Change the name, or wait and try again.</source>
        <translation>Ein anderes Objekt verwendet diesen Namen bereits, oder das Objekt wird gerade verwendet oder ausgeführt; die Meldung des Servers nennt den Grund. Ändern Sie den Namen, oder warten Sie und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>anadesk::AlmPanel</name>
    <message>
        <source>ALM needs workspace administrator rights on every model involved (and a Professional or Enterprise subscription); ask your tenant administrator.</source>
        <translation>ALM erfordert Arbeitsbereichsadministratorrechte für jedes beteiligte Modell (und ein Professional- oder Enterprise-Abonnement); wenden Sie sich an Ihren Mandantenadministrator.</translation>
    </message>
    <message>
        <source>The model is locked or another sync runs on it; wait for it to end, then try again.</source>
        <translation>Das Modell ist gesperrt oder eine andere Synchronisierung läuft darauf; warten Sie, bis sie endet, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Read the server&apos;s details above: a deployed model cannot take revisions, and a model without structural changes since its latest revision cannot take another one.</source>
        <translation>Lesen Sie die Angaben des Servers oben: Ein bereitgestelltes Modell kann keine Revisionen aufnehmen, und ein Modell ohne Strukturänderungen seit seiner letzten Revision keine weitere.</translation>
    </message>
    <message>
        <source>ALM</source>
        <translation>ALM</translation>
    </message>
    <message>
        <source>Revisions, syncs and comparisons (Alt+6)</source>
        <translation>Revisionen, Synchronisierungen und Vergleiche (Alt+6)</translation>
    </message>
    <message>
        <source>Show ALM</source>
        <translation>ALM anzeigen</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>No comparison yet: use Compare… (Ctrl+M).</source>
        <translation>Noch kein Vergleich: Verwenden Sie Vergleichen… (Strg+M).</translation>
    </message>
    <message>
        <source>Comparison summary</source>
        <translation>Vergleichsübersicht</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the revisions and the model&apos;s state again</source>
        <translation>Revisionen und Zustand des Modells erneut lesen</translation>
    </message>
    <message>
        <source>Create revision…</source>
        <translation>Revision erstellen…</translation>
    </message>
    <message>
        <source>Tag the model&apos;s current structure as a new revision</source>
        <translation>Die aktuelle Struktur des Modells als neue Revision markieren</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Synchronisieren…</translation>
    </message>
    <message>
        <source>Apply a revision of another model to this model</source>
        <translation>Eine Revision eines anderen Modells auf dieses Modell anwenden</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Summarise what a revision of another model would change in this model</source>
        <translation>Zusammenfassen, was eine Revision eines anderen Modells in diesem Modell ändern würde</translation>
    </message>
    <message>
        <source>Take offli&amp;ne…</source>
        <translation>Offli&amp;ne nehmen…</translation>
    </message>
    <message>
        <source>Take the model offline for maintenance, or bring it back online (asks first)</source>
        <translation>Das Modell zur Wartung offline nehmen oder wieder online bringen (fragt vorher)</translation>
    </message>
    <message>
        <source>Save full re&amp;port…</source>
        <translation>Vollständigen &amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>Generate the full comparison report (TSV) and save it</source>
        <translation>Den vollständigen Vergleichsbericht (TSV) erzeugen und speichern</translation>
    </message>
    <message>
        <source>No model selected.</source>
        <translation>Kein Modell ausgewählt.</translation>
    </message>
    <message>
        <source>Revisions of %1</source>
        <translation>Revisionen von %1</translation>
    </message>
    <message>
        <source>Listing the revisions of %1</source>
        <translation>Auflisten der Revisionen von %1</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>Offline for maintenance (%1)</source>
        <translation>Offline zur Wartung (%1)</translation>
    </message>
    <message>
        <source>Online (%1)</source>
        <translation>Online (%1)</translation>
    </message>
    <message>
        <source>%1 has no revision yet. Create one (Ctrl+N) to start using ALM.</source>
        <translation>%1 hat noch keine Revision. Erstellen Sie eine (Strg+N), um ALM zu verwenden.</translation>
    </message>
    <message>
        <source>Bring o&amp;nline…</source>
        <translation>O&amp;nline bringen…</translation>
    </message>
    <message>
        <source>Created revision &apos;%1&apos; of %2.</source>
        <translation>Revision „%1“ von %2 erstellt.</translation>
    </message>
    <message>
        <source>%1 has no revision yet: a sync or comparison starts from the target&apos;s latest revision. What to do: create a revision first.</source>
        <translation>%1 hat noch keine Revision: Eine Synchronisierung oder ein Vergleich beginnt bei der letzten Revision des Ziels. Was zu tun ist: Erstellen Sie zuerst eine Revision.</translation>
    </message>
    <message>
        <source>Sync of &apos;%1&apos; into %2</source>
        <translation>Synchronisierung von „%1“ in %2</translation>
    </message>
    <message>
        <source>Synced revision &apos;%1&apos; of %2 into %3.</source>
        <translation>Revision „%1“ von %2 in %3 synchronisiert.</translation>
    </message>
    <message>
        <source>No longer following the sync into %1 (task %2); it goes on in Anaplan. Reload later to see its result.</source>
        <translation>Die Synchronisierung in %1 (Aufgabe %2) wird nicht mehr verfolgt; sie läuft in Anaplan weiter. Laden Sie später neu, um ihr Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>Comparison of &apos;%1&apos; with %2</source>
        <translation>Vergleich von „%1“ mit %2</translation>
    </message>
    <message numerus="yes">
        <source>Revision &apos;%1&apos; of %2 compared with the latest revision of %3: %n change(s) — %4 created, %5 modified, %6 deleted.</source>
        <translation>
            <numerusform>Revision „%1“ von %2 mit der letzten Revision von %3 verglichen: %n Änderung — %4 erstellt, %5 geändert, %6 gelöscht.</numerusform>
            <numerusform>Revision „%1“ von %2 mit der letzten Revision von %3 verglichen: %n Änderungen — %4 erstellt, %5 geändert, %6 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparison %1 - %2</source>
        <translation>Vergleich %1 - %2</translation>
    </message>
    <message>
        <source>Save the Comparison Report</source>
        <translation>Vergleichsbericht speichern</translation>
    </message>
    <message>
        <source>Tab-separated values (*.tsv *.txt);;All files (*)</source>
        <translation>Tabulatorgetrennte Werte (*.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Generating the comparison report</source>
        <translation>Erzeugen des Vergleichsberichts</translation>
    </message>
    <message>
        <source>Saving the comparison report to %1 failed: %2. What to do: choose another folder or free some space, then save again.</source>
        <translation>Speichern des Vergleichsberichts in %1 fehlgeschlagen: %2. Was zu tun ist: Wählen Sie einen anderen Ordner oder schaffen Sie Platz, und speichern Sie dann erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Saved the comparison report (%n byte(s)) to %1.</source>
        <translation>
            <numerusform>Vergleichsbericht (%n Byte) in %1 gespeichert.</numerusform>
            <numerusform>Vergleichsbericht (%n Byte) in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bring Model Online</source>
        <translation>Modell online bringen</translation>
    </message>
    <message>
        <source>Bring %1 back online?</source>
        <translation>%1 wieder online bringen?</translation>
    </message>
    <message>
        <source>Users can open it and its data can be read and written again.</source>
        <translation>Benutzer können es wieder öffnen, und seine Daten können wieder gelesen und geschrieben werden.</translation>
    </message>
    <message>
        <source>Take Model Offline</source>
        <translation>Modell offline nehmen</translation>
    </message>
    <message>
        <source>Take %1 offline for maintenance?</source>
        <translation>%1 zur Wartung offline nehmen?</translation>
    </message>
    <message>
        <source>Users cannot work in it and its data can neither be read nor written until it is brought back online.</source>
        <translation>Benutzer können nicht darin arbeiten, und seine Daten können weder gelesen noch geschrieben werden, bis es wieder online ist.</translation>
    </message>
    <message>
        <source>Bringing %1 online</source>
        <translation>%1 wird online gebracht</translation>
    </message>
    <message>
        <source>Taking %1 offline</source>
        <translation>%1 wird offline genommen</translation>
    </message>
    <message>
        <source>%1 is online.</source>
        <translation>%1 ist online.</translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 ist offline.</translation>
    </message>
    <message>
        <source>Full comparison report of &apos;%1&apos; with %2</source>
        <translation>Vollständiger Vergleichsbericht von „%1“ mit %2</translation>
    </message>
</context>
<context>
    <name>anadesk::AlmSourceDialog</name>
    <message>
        <source>Sync into %1</source>
        <translation>In %1 synchronisieren</translation>
    </message>
    <message>
        <source>Compare %1 with a Revision</source>
        <translation>%1 mit einer Revision vergleichen</translation>
    </message>
    <message>
        <source>Source model</source>
        <translation>Quellmodell</translation>
    </message>
    <message>
        <source>Revisions the target can take</source>
        <translation>Revisionen, die das Ziel aufnehmen kann</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Applies a revision of a source model to %1, whose latest revision is &apos;%2&apos;. Structure changes; production data stays.</source>
        <translation>Wendet eine Revision eines Quellmodells auf %1 an, dessen letzte Revision „%2“ ist. Die Struktur ändert sich; Produktionsdaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Compares a revision of a source model with &apos;%2&apos;, the latest revision of %1.</source>
        <translation>Vergleicht eine Revision eines Quellmodells mit „%2“, der letzten Revision von %1.</translation>
    </message>
    <message>
        <source>Source &amp;model:</source>
        <translation>Quell&amp;modell:</translation>
    </message>
    <message>
        <source>Source &amp;revision:</source>
        <translation>Quell&amp;revision:</translation>
    </message>
    <message>
        <source>Listing the models…</source>
        <translation>Modelle werden aufgelistet…</translation>
    </message>
    <message>
        <source>Listing the models</source>
        <translation>Auflisten der Modelle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No other model is visible to you: nothing can be synced into %1.</source>
        <translation>Für Sie ist kein anderes Modell sichtbar: Nichts kann in %1 synchronisiert werden.</translation>
    </message>
    <message>
        <source>Reading the revisions %1 can take…</source>
        <translation>Revisionen, die %1 aufnehmen kann, werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the syncable revisions</source>
        <translation>Lesen der synchronisierbaren Revisionen</translation>
    </message>
    <message>
        <source>%1 — created %2</source>
        <translation>%1 — erstellt %2</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) of the source are newer than &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n Revision der Quelle ist neuer als „%1“.</numerusform>
            <numerusform>%n Revisionen der Quelle sind neuer als „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <source>This model has no revision %1 can take: either %1 is up to date with it, or they do not share a revision history.</source>
        <translation>Dieses Modell hat keine Revision, die %1 aufnehmen kann: Entweder ist %1 auf seinem Stand, oder sie haben keinen gemeinsamen Revisionsverlauf.</translation>
    </message>
    <message>
        <source>Choose a source model and one of its revisions first.</source>
        <translation>Wählen Sie zuerst ein Quellmodell und eine seiner Revisionen.</translation>
    </message>
</context>
<context>
    <name>anadesk::AlmTaskRow</name>
    <message>
        <source>&amp;Stop following</source>
        <translation>Nicht mehr &amp;verfolgen</translation>
    </message>
    <message>
        <source>ALM task progress</source>
        <translation>Fortschritt der ALM-Aufgabe</translation>
    </message>
    <message>
        <source>Anaplan cannot cancel ALM tasks: this only stops following; the task goes on.</source>
        <translation>Anaplan kann ALM-Aufgaben nicht abbrechen: Dies beendet nur das Verfolgen; die Aufgabe läuft weiter.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>No longer followed; the task may still run in Anaplan</source>
        <translation>Nicht mehr verfolgt; die Aufgabe kann in Anaplan noch laufen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>anadesk::AlmTaskRunner</name>
    <message>
        <source>Sync model</source>
        <translation>Modell synchronisieren</translation>
    </message>
    <message>
        <source>Create comparison report</source>
        <translation>Vergleichsbericht erstellen</translation>
    </message>
    <message>
        <source>Create comparison summary</source>
        <translation>Vergleichszusammenfassung erstellen</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>Wait for %1 %2</source>
        <translation>Auf %1 %2 warten</translation>
    </message>
    <message>
        <source>No task id given</source>
        <translation>Keine Aufgaben-ID angegeben</translation>
    </message>
    <message>
        <source>The %1 did not finish within %2 s</source>
        <translation>Die %1 wurde nicht innerhalb von %2 s beendet</translation>
    </message>
    <message>
        <source>It keeps running in Anaplan: wait for it again with its task id.</source>
        <translation>Sie läuft in Anaplan weiter: Warten Sie mit ihrer Aufgaben-ID erneut darauf.</translation>
    </message>
    <message>
        <source>The request may have reached Anaplan: check the model&apos;s sync tasks before starting the sync again.</source>
        <translation>Die Anfrage hat Anaplan möglicherweise erreicht: Prüfen Sie die Synchronisierungsaufgaben des Modells, bevor Sie die Synchronisierung erneut starten.</translation>
    </message>
    <message>
        <source>The request may have reached Anaplan; creating the report again is harmless.</source>
        <translation>Die Anfrage hat Anaplan möglicherweise erreicht; den Bericht erneut zu erstellen, ist unbedenklich.</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message numerus="yes">
        <source>The task&apos;s status could not be read %n time(s) in a row</source>
        <translation>
            <numerusform>Der Status der Aufgabe konnte %n-mal nicht gelesen werden</numerusform>
            <numerusform>Der Status der Aufgabe konnte %n-mal hintereinander nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>It may still be running in Anaplan: wait for it again later with its task id.</source>
        <translation>Sie läuft möglicherweise noch in Anaplan: Warten Sie später mit ihrer Aufgaben-ID erneut darauf.</translation>
    </message>
    <message>
        <source>The task was cancelled in Anaplan</source>
        <translation>Die Aufgabe wurde in Anaplan abgebrochen</translation>
    </message>
    <message>
        <source>Task %1 reports an unknown state &apos;%2&apos;; waiting as if it were still running</source>
        <translation>Aufgabe %1 meldet einen unbekannten Zustand „%2“; es wird gewartet, als liefe sie noch</translation>
    </message>
    <message>
        <source>The %1 completed without a result</source>
        <translation>Die %1 wurde ohne Ergebnis beendet</translation>
    </message>
    <message>
        <source>The %1 finished unsuccessfully</source>
        <translation>Die %1 wurde ohne Erfolg beendet</translation>
    </message>
    <message>
        <source>Check that the source revision is syncable to this model (list the syncable revisions) and that the model is not locked.</source>
        <translation>Prüfen Sie, ob die Quellrevision mit diesem Modell synchronisiert werden kann (listen Sie die synchronisierbaren Revisionen auf) und ob das Modell nicht gesperrt ist.</translation>
    </message>
    <message>
        <source>Check the revision ids: the target revision must belong to this model.</source>
        <translation>Prüfen Sie die Revisions-IDs: Die Zielrevision muss zu diesem Modell gehören.</translation>
    </message>
</context>
<context>
    <name>anadesk::ApiError</name>
    <message>
        <source>Request failed</source>
        <translation>Anfrage fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>anadesk::ApiJob</name>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>Could not build a valid URL for the request</source>
        <translation>Für die Anfrage konnte keine gültige URL gebildet werden</translation>
    </message>
    <message>
        <source>The connection refused to send the request</source>
        <translation>Die Verbindung hat das Senden der Anfrage verweigert</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>Die Anfrage</translation>
    </message>
    <message>
        <source>%1: unexpected answer from the server (%2)</source>
        <translation>%1: unerwartete Antwort vom Server (%2)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 %2 failed</source>
        <translation>%1 %2 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>anadesk::BasicAuthenticator</name>
    <message>
        <source>sign-in as %1</source>
        <translation>Anmeldung als %1</translation>
    </message>
</context>
<context>
    <name>anadesk::BatchedWriteJob</name>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>%1: invalid input, nothing was sent (%2)</source>
        <translation>%1: ungültige Eingabe, es wurde nichts gesendet (%2)</translation>
    </message>
    <message>
        <source>Correct entry %1 of the input and try again.</source>
        <translation>Korrigieren Sie Eintrag %1 der Eingabe und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Batch %1 of %2 (entries %3–%4)</source>
        <translation>Stapel %1 von %2 (Einträge %3–%4)</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>Die Anfrage</translation>
    </message>
    <message>
        <source>nothing was written before it</source>
        <translation>davor wurde nichts geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>the %n batch(es) before it were written: %1</source>
        <translation>
            <numerusform>%n Stapel davor wurde geschrieben: %1</numerusform>
            <numerusform>%n Stapel davor wurden geschrieben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2 — %3</source>
        <translation>%1 fehlgeschlagen: %2 — %3</translation>
    </message>
    <message>
        <source>This batch may have been applied by Anaplan although no answer arrived; check the data before sending it again (a repeat reports such entries as ignored).</source>
        <translation>Anaplan hat diesen Stapel möglicherweise übernommen, obwohl keine Antwort ankam; prüfen Sie die Daten, bevor Sie ihn erneut senden (eine Wiederholung meldet solche Einträge als ignoriert).</translation>
    </message>
    <message>
        <source>Later batches were not sent. Fix the cause and send the remaining entries from %1 on.</source>
        <translation>Spätere Stapel wurden nicht gesendet. Beheben Sie die Ursache und senden Sie die restlichen Einträge ab Eintrag %1.</translation>
    </message>
</context>
<context>
    <name>anadesk::CancelTaskJob</name>
    <message>
        <source>Cancel task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>No task id given</source>
        <translation>Keine Aufgaben-ID angegeben</translation>
    </message>
</context>
<context>
    <name>anadesk::CellWriteJob</name>
    <message>
        <source>Write module cells</source>
        <translation>Modulzellen schreiben</translation>
    </message>
    <message>
        <source>module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Cell write limits out of range</source>
        <translation>Grenzwerte für das Schreiben von Zellen außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>Use at most %1 cells and %2 bytes per request.</source>
        <translation>Verwenden Sie höchstens %1 Zellen und %2 Bytes pro Anfrage.</translation>
    </message>
    <message>
        <source>%1 cells changed</source>
        <translation>%1 Zellen geändert</translation>
    </message>
</context>
<context>
    <name>anadesk::CertificateAuthenticator</name>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>certificate sign-in</source>
        <translation>Zertifikatsanmeldung</translation>
    </message>
    <message>
        <source>certificate sign-in as %1</source>
        <translation>Zertifikatsanmeldung als %1</translation>
    </message>
    <message>
        <source>No random data available for the certificate sign-in</source>
        <translation>Für die Zertifikatsanmeldung sind keine Zufallsdaten verfügbar</translation>
    </message>
</context>
<context>
    <name>anadesk::CertificateSigner</name>
    <message>
        <source>The certificate could not be read</source>
        <translation>Das Zertifikat konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Choose the PEM certificate file (&quot;-----BEGIN CERTIFICATE-----&quot;) registered in Anaplan for this user.</source>
        <translation>Wählen Sie die PEM-Zertifikatsdatei („-----BEGIN CERTIFICATE-----“), die in Anaplan für diesen Benutzer registriert ist.</translation>
    </message>
    <message>
        <source>Signing with the private key failed</source>
        <translation>Das Signieren mit dem privaten Schlüssel ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the key file.</source>
        <translation>Prüfen Sie die Schlüsseldatei.</translation>
    </message>
</context>
<context>
    <name>anadesk::ChunkLister</name>
    <message>
        <source>Listing the chunks failed</source>
        <translation>Das Auflisten der Chunks ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The server&apos;s chunk list could not be read</source>
        <translation>Die Chunk-Liste des Servers konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The server answered something that is not a chunk list. Try again later.</source>
        <translation>Der Server hat etwas geantwortet, das keine Chunk-Liste ist. Versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>anadesk::ChunkPlanner</name>
    <message>
        <source>The file is %1 bytes; Anaplan accepts at most %2 bytes per file (%3 chunks of at most %4 bytes each). Split the data into several files or reduce it before uploading.</source>
        <translation>Die Datei hat %1 Bytes; Anaplan akzeptiert höchstens %2 Bytes pro Datei (%3 Chunks zu höchstens je %4 Bytes). Teilen Sie die Daten auf mehrere Dateien auf oder verkleinern Sie sie vor dem Hochladen.</translation>
    </message>
    <message>
        <source>The file size is unknown or negative (%1); the file cannot be uploaded in chunks.</source>
        <translation>Die Dateigröße ist unbekannt oder negativ (%1); die Datei kann nicht in Chunks hochgeladen werden.</translation>
    </message>
    <message>
        <source>Could not read the file to plan its chunks (seek to %1 failed: %2).</source>
        <translation>Die Datei konnte zur Planung der Chunks nicht gelesen werden (Springen zu %1 fehlgeschlagen: %2).</translation>
    </message>
    <message>
        <source>Could not read the file to plan its chunks (%1 bytes at offset %2: %3). Was it changed or truncated?</source>
        <translation>Die Datei konnte zur Planung der Chunks nicht gelesen werden (%1 Bytes ab Position %2: %3). Wurde sie geändert oder gekürzt?</translation>
    </message>
</context>
<context>
    <name>anadesk::ClientSettings</name>
    <message>
        <source>The timeout must be between %1 and %2 seconds</source>
        <translation>Das Zeitlimit muss zwischen %1 und %2 Sekunden liegen</translation>
    </message>
    <message>
        <source>The number of retries must be between 0 and %1</source>
        <translation>Die Zahl der Wiederholungen muss zwischen 0 und %1 liegen</translation>
    </message>
    <message>
        <source>The first back-off must be between %1 and %2 ms</source>
        <translation>Die erste Wartezeit muss zwischen %1 und %2 ms liegen</translation>
    </message>
    <message>
        <source>The page size must be between %1 and %2</source>
        <translation>Die Seitengröße muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>The task poll delay must be between %1 and %2 ms</source>
        <translation>Das Abfrageintervall für Aufgaben muss zwischen %1 und %2 ms liegen</translation>
    </message>
    <message>
        <source>The upload chunk size must be between %1 and %2 MB</source>
        <translation>Die Chunk-Größe beim Hochladen muss zwischen %1 und %2 MB liegen</translation>
    </message>
    <message>
        <source>The compression level must be between %1 and %2</source>
        <translation>Die Komprimierungsstufe muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>The manual proxy needs a host name (e.g. proxy.company.com), without http://</source>
        <translation>Der manuelle Proxy benötigt einen Hostnamen (z. B. proxy.firma.de), ohne http://</translation>
    </message>
    <message>
        <source>The manual proxy needs a port between 1 and 65535</source>
        <translation>Der manuelle Proxy benötigt einen Port zwischen 1 und 65535</translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionFactory</name>
    <message>
        <source>connection &apos;%1&apos;</source>
        <translation>Verbindung „%1“</translation>
    </message>
    <message>
        <source>No password is available for %1</source>
        <translation>Für %1 ist kein Passwort vorhanden</translation>
    </message>
    <message>
        <source>Enter the password in the connection manager.</source>
        <translation>Geben Sie das Passwort in der Verbindungsverwaltung ein.</translation>
    </message>
    <message>
        <source>No token is available</source>
        <translation>Kein Token vorhanden</translation>
    </message>
    <message>
        <source>Paste the token in the connection manager.</source>
        <translation>Fügen Sie das Token in der Verbindungsverwaltung ein.</translation>
    </message>
    <message>
        <source>Correct the connection settings.</source>
        <translation>Korrigieren Sie die Verbindungseinstellungen.</translation>
    </message>
    <message>
        <source>The hosts of the connection cannot be determined</source>
        <translation>Die Hosts der Verbindung können nicht bestimmt werden</translation>
    </message>
    <message>
        <source>Check the region or the server URLs.</source>
        <translation>Prüfen Sie die Region oder die Server-URLs.</translation>
    </message>
    <message>
        <source>Sandbox (%1)</source>
        <translation>Sandbox (%1)</translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionManagerDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Sa&amp;ved connections:</source>
        <translation>&amp;Gespeicherte Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Checking: %1…</source>
        <translation>Prüfe: %1…</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The changes to connection &apos;%1&apos; are not saved.</source>
        <translation>Die Änderungen an der Verbindung „%1“ sind nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save them before showing another connection?</source>
        <translation>Vor dem Anzeigen einer anderen Verbindung speichern?</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>nirgends</translation>
    </message>
    <message>
        <source>No secret saved yet; it is asked for when connecting.</source>
        <translation>Noch kein Geheimnis gespeichert; es wird beim Verbinden abgefragt.</translation>
    </message>
    <message>
        <source>Secrets are not remembered; they are asked for once per session.</source>
        <translation>Geheimnisse werden nicht gespeichert; sie werden einmal pro Sitzung abgefragt.</translation>
    </message>
    <message>
        <source>Saved in %1: %2.</source>
        <translation>Gespeichert in %1: %2.</translation>
    </message>
    <message>
        <source>%1 It is kept for this session only.</source>
        <translation>%1 Es wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection &apos;%1&apos;?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its saved secrets (password, token, passphrases) are deleted from %1 as well.</source>
        <translation>Ihre gespeicherten Geheimnisse (Passwort, Token, Passphrasen) werden ebenfalls aus %1 gelöscht.</translation>
    </message>
    <message>
        <source>the keychain</source>
        <translation>dem Schlüsselbund</translation>
    </message>
    <message>
        <source>The connection &apos;%1&apos; was not removed: its secrets could not be deleted.</source>
        <translation>Die Verbindung „%1“ wurde nicht entfernt: Ihre Geheimnisse konnten nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Reading the saved secrets…</source>
        <translation>Lese die gespeicherten Geheimnisse…</translation>
    </message>
    <message>
        <source>The plain-text option of &apos;%1&apos; could not be changed: %2</source>
        <translation>Die Klartext-Option von „%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>UNENCRYPTED in %1: %2.</source>
        <translation>UNVERSCHLÜSSELT in %1: %2.</translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionProfile</name>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not a valid URL (expected e.g. https://api.anaplan.com)</source>
        <translation>ist keine gültige URL (erwartet z. B. https://api.anaplan.com)</translation>
    </message>
    <message>
        <source>must not contain a user name or password</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>uses http; only https is allowed except for this computer (localhost)</source>
        <translation>verwendet http; außer für diesen Computer (localhost) ist nur https erlaubt</translation>
    </message>
    <message>
        <source>must start with https://</source>
        <translation>muss mit https:// beginnen</translation>
    </message>
    <message>
        <source>The profile id &apos;%1&apos; is not valid; create the profile with ConnectionProfile::create()</source>
        <translation>Die Profil-ID „%1“ ist ungültig; erzeugen Sie das Profil mit ConnectionProfile::create()</translation>
    </message>
    <message>
        <source>The profile name is empty; give the connection a name</source>
        <translation>Der Profilname ist leer; geben Sie der Verbindung einen Namen</translation>
    </message>
    <message>
        <source>The profile name must be one line of at most 100 characters</source>
        <translation>Der Profilname muss eine Zeile mit höchstens 100 Zeichen sein</translation>
    </message>
    <message>
        <source>The region &apos;%1&apos; is unknown; choose one of: %2</source>
        <translation>Die Region „%1“ ist unbekannt; wählen Sie eine aus: %2</translation>
    </message>
    <message>
        <source>The server URL %1</source>
        <translation>Die Server-URL %1</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>CloudWorks</source>
        <translation>CloudWorks</translation>
    </message>
    <message>
        <source>The %1 URL %2</source>
        <translation>Die %1-URL %2</translation>
    </message>
    <message>
        <source>Basic sign-in needs the user&apos;s e-mail address (e.g. name@company.com)</source>
        <translation>Die Basic-Anmeldung benötigt die E-Mail-Adresse des Benutzers (z. B. name@firma.de)</translation>
    </message>
    <message>
        <source>Certificate sign-in needs the certificate file (PEM)</source>
        <translation>Die Zertifikatsanmeldung benötigt die Zertifikatsdatei (PEM)</translation>
    </message>
    <message>
        <source>Certificate sign-in needs the private key file (PEM)</source>
        <translation>Die Zertifikatsanmeldung benötigt die Datei mit dem privaten Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>The default workspace id must not contain spaces or &apos;/&apos;</source>
        <translation>Die Standard-Arbeitsbereichs-ID darf keine Leerzeichen oder „/“ enthalten</translation>
    </message>
    <message>
        <source>The default model id must not contain spaces or &apos;/&apos;</source>
        <translation>Die Standard-Modell-ID darf keine Leerzeichen oder „/“ enthalten</translation>
    </message>
    <message>
        <source>The manual proxy needs a host name (e.g. proxy.company.com), without http://</source>
        <translation>Der manuelle Proxy benötigt einen Hostnamen (z. B. proxy.firma.de), ohne http://</translation>
    </message>
    <message>
        <source>The manual proxy needs a port between 1 and 65535</source>
        <translation>Der manuelle Proxy benötigt einen Port zwischen 1 und 65535</translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionStateText</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Waiting for credentials</source>
        <translation>Warte auf Anmeldedaten</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Credentials rejected</source>
        <translation>Anmeldedaten abgelehnt</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>anadesk::ConnectionTester</name>
    <message>
        <source>Check the region or host name, and that this computer can resolve host names (network, VPN).</source>
        <translation>Prüfen Sie Region bzw. Hostnamen und ob dieser Computer Hostnamen auflösen kann (Netzwerk, VPN).</translation>
    </message>
    <message>
        <source>Host %1 was not found (DNS lookup failed)</source>
        <translation>Host %1 wurde nicht gefunden (DNS-Auflösung fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Check the host name and port; a local server (anadesk-sandbox) may not be running any more.</source>
        <translation>Prüfen Sie Hostname und Port; ein lokaler Server (anadesk-sandbox) läuft möglicherweise nicht mehr.</translation>
    </message>
    <message>
        <source>Host %1 is unreachable: the connection to port %2 was refused</source>
        <translation>Host %1 ist nicht erreichbar: die Verbindung zu Port %2 wurde abgelehnt</translation>
    </message>
    <message>
        <source>Check the network connection, firewall and proxy settings.</source>
        <translation>Prüfen Sie Netzwerkverbindung, Firewall und Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>Host %1 is unreachable: no answer on port %2</source>
        <translation>Host %1 ist nicht erreichbar: keine Antwort auf Port %2</translation>
    </message>
    <message>
        <source>Check the proxy host and port in the connection or application settings.</source>
        <translation>Prüfen Sie Proxy-Host und -Port in den Verbindungs- oder Programmeinstellungen.</translation>
    </message>
    <message>
        <source>The proxy could not be used to reach %1 (%2)</source>
        <translation>Über den Proxy war %1 nicht erreichbar (%2)</translation>
    </message>
    <message>
        <source>Enter the proxy user and password in the connection&apos;s proxy settings.</source>
        <translation>Geben Sie Proxy-Benutzer und -Passwort in den Proxy-Einstellungen der Verbindung ein.</translation>
    </message>
    <message>
        <source>The proxy requires a user name and password to reach %1</source>
        <translation>Der Proxy verlangt Benutzername und Passwort, um %1 zu erreichen</translation>
    </message>
    <message>
        <source>Check the network connection and the host settings.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und die Host-Einstellungen.</translation>
    </message>
    <message>
        <source>Host %1 is unreachable on port %2 (%3)</source>
        <translation>Host %1 ist auf Port %2 nicht erreichbar (%3)</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>Verbindungseinstellungen</translation>
    </message>
    <message>
        <source>Reach the hosts</source>
        <translation>Hosts erreichen</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Sichere Verbindung (TLS)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Access to workspaces and models</source>
        <translation>Zugriff auf Arbeitsbereiche und Modelle</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server rejected the credentials of %1</source>
        <translation>Der Server hat die Anmeldedaten von %1 abgelehnt</translation>
    </message>
    <message>
        <source>The server rejected the credentials (%1)</source>
        <translation>Der Server hat die Anmeldedaten abgelehnt (%1)</translation>
    </message>
    <message>
        <source> (server: %1)</source>
        <translation> (Server: %1)</translation>
    </message>
    <message>
        <source>Check the user name and password (or token, certificate and key) in the connection settings.</source>
        <translation>Prüfen Sie Benutzername und Passwort (bzw. Token, Zertifikat und Schlüssel) in den Verbindungseinstellungen.</translation>
    </message>
    <message>
        <source>The connection works: every check passed.</source>
        <translation>Die Verbindung funktioniert: alle Prüfungen bestanden.</translation>
    </message>
    <message>
        <source>The connection works, with a warning: %1</source>
        <translation>Die Verbindung funktioniert, mit einer Warnung: %1</translation>
    </message>
    <message>
        <source>Correct the connection settings.</source>
        <translation>Korrigieren Sie die Verbindungseinstellungen.</translation>
    </message>
    <message>
        <source>The hosts of the connection cannot be determined</source>
        <translation>Die Hosts der Verbindung können nicht bestimmt werden</translation>
    </message>
    <message>
        <source>Check the region or the server URLs.</source>
        <translation>Prüfen Sie die Region oder die Server-URLs.</translation>
    </message>
    <message>
        <source>Hosts: %1</source>
        <translation>Hosts: %1</translation>
    </message>
    <message>
        <source>Reached %1</source>
        <translation>Erreicht: %1</translation>
    </message>
    <message>
        <source>Host %1 is unreachable: no answer on port %2 within %3 s</source>
        <translation>Host %1 ist nicht erreichbar: keine Antwort auf Port %2 innerhalb von %3 s</translation>
    </message>
    <message>
        <source>Not used: plain HTTP to a server on this computer (e.g. anadesk-sandbox)</source>
        <translation>Nicht verwendet: unverschlüsseltes HTTP zu einem Server auf diesem Computer (z. B. anadesk-sandbox)</translation>
    </message>
    <message>
        <source>Not used: the connection is plain HTTP and NOT encrypted; use https:// for real tenants</source>
        <translation>Nicht verwendet: die Verbindung ist reines HTTP und NICHT verschlüsselt; verwenden Sie https:// für echte Mandanten</translation>
    </message>
    <message>
        <source>This computer&apos;s Qt installation has no TLS support (OpenSSL backend missing)</source>
        <translation>Die Qt-Installation dieses Computers unterstützt kein TLS (OpenSSL-Backend fehlt)</translation>
    </message>
    <message>
        <source>Install the Qt TLS plugin (libqopensslbackend) and OpenSSL 3.</source>
        <translation>Installieren Sie das Qt-TLS-Plugin (libqopensslbackend) und OpenSSL 3.</translation>
    </message>
    <message>
        <source>Verified certificate of %1 (%2, issued by %3)</source>
        <translation>Zertifikat von %1 verifiziert (%2, ausgestellt von %3)</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>unbekannter Aussteller</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2</source>
        <translation>Das Zertifikat von %1 konnte nicht verifiziert werden: %2</translation>
    </message>
    <message>
        <source>If a company proxy inspects TLS, import its CA certificate; otherwise do not continue — the connection may be intercepted.</source>
        <translation>Falls ein Firmen-Proxy TLS prüft, importieren Sie dessen CA-Zertifikat; andernfalls fahren Sie nicht fort – die Verbindung wird möglicherweise abgehört.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Check that the host speaks HTTPS on this port and that no proxy interferes.</source>
        <translation>Prüfen Sie, ob der Host auf diesem Port HTTPS spricht und kein Proxy dazwischenfunkt.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 did not finish within %2 s</source>
        <translation>Der TLS-Handshake mit %1 wurde nicht innerhalb von %2 s abgeschlossen</translation>
    </message>
    <message>
        <source>Check the proxy settings; a proxy or firewall may block HTTPS.</source>
        <translation>Prüfen Sie die Proxy-Einstellungen; ein Proxy oder eine Firewall blockiert möglicherweise HTTPS.</translation>
    </message>
    <message>
        <source>The sign-in did not finish in time</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <source>Check the network connection and the timeout in the settings.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und das Zeitlimit in den Einstellungen.</translation>
    </message>
    <message>
        <source>The server answered the sign-in without a token</source>
        <translation>Der Server hat die Anmeldung ohne Token beantwortet</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in (%1)</source>
        <translation>Angemeldet (%1)</translation>
    </message>
    <message>
        <source>Signed in, but the user may not list workspaces (missing role; HTTP %1)</source>
        <translation>Angemeldet, aber der Benutzer darf keine Arbeitsbereiche auflisten (fehlende Rolle; HTTP %1)</translation>
    </message>
    <message>
        <source>Ask your Anaplan administrator for access to the workspaces (workspace administrator role for model administration).</source>
        <translation>Bitten Sie Ihren Anaplan-Administrator um Zugriff auf die Arbeitsbereiche (Rolle Arbeitsbereichsadministrator für die Modellverwaltung).</translation>
    </message>
    <message>
        <source>Signed in, but the user sees no workspace; ask for access to a workspace</source>
        <translation>Angemeldet, aber der Benutzer sieht keinen Arbeitsbereich; bitten Sie um Zugriff auf einen Arbeitsbereich</translation>
    </message>
    <message>
        <source>Signed in, but the user may not list models (missing role; HTTP %1)</source>
        <translation>Angemeldet, aber der Benutzer darf keine Modelle auflisten (fehlende Rolle; HTTP %1)</translation>
    </message>
    <message>
        <source>Ask your Anaplan administrator for the workspace administrator role.</source>
        <translation>Bitten Sie Ihren Anaplan-Administrator um die Rolle Arbeitsbereichsadministrator.</translation>
    </message>
    <message numerus="yes">
        <source>%n workspace(s)</source>
        <translation>
            <numerusform>%n Arbeitsbereich</numerusform>
            <numerusform>%n Arbeitsbereiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) visible</source>
        <translation>
            <numerusform>%n Modell sichtbar</numerusform>
            <numerusform>%n Modelle sichtbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::CreateAlmTaskJob</name>
    <message>
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>source revision</source>
        <translation>Quellrevision</translation>
    </message>
    <message>
        <source>source model</source>
        <translation>Quellmodell</translation>
    </message>
    <message>
        <source>target revision</source>
        <translation>Zielrevision</translation>
    </message>
    <message>
        <source>no &apos;task&apos; object</source>
        <translation>kein „task“-Objekt</translation>
    </message>
    <message>
        <source>the task has no &apos;taskId&apos;</source>
        <translation>die Aufgabe hat keine „taskId“</translation>
    </message>
</context>
<context>
    <name>anadesk::CreateRevisionDialog</name>
    <message>
        <source>Create Revision of %1</source>
        <translation>Revision von %1 erstellen</translation>
    </message>
    <message>
        <source>e.g. Release 2.0</source>
        <translation>z. B. Release 2.0</translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation>Was sich geändert hat (optional)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>A revision tag records the structure of %1 as it is now, so it can be synchronised to other models.</source>
        <translation>Eine Revisionsmarkierung hält die Struktur von %1 im jetzigen Zustand fest, damit sie in andere Modelle synchronisiert werden kann.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Name %1/%2 characters, description %3/%4 characters</source>
        <translation>Name %1/%2 Zeichen, Beschreibung %3/%4 Zeichen</translation>
    </message>
    <message>
        <source>A revision needs a name of 1 to %1 characters and a description of at most %2. What to do: shorten or fill in the fields.</source>
        <translation>Eine Revision braucht einen Namen mit 1 bis %1 Zeichen und eine Beschreibung mit höchstens %2. Was zu tun ist: Kürzen oder füllen Sie die Felder aus.</translation>
    </message>
    <message>
        <source>Creating the revision of %1</source>
        <translation>Erstellen der Revision von %1</translation>
    </message>
</context>
<context>
    <name>anadesk::CreateRevisionJob</name>
    <message>
        <source>Create revision</source>
        <translation>Revision erstellen</translation>
    </message>
    <message>
        <source>revision &apos;%1&apos; of %2</source>
        <translation>Revision „%1“ von %2</translation>
    </message>
    <message>
        <source>A revision needs a name</source>
        <translation>Eine Revision benötigt einen Namen</translation>
    </message>
    <message>
        <source>The revision name has %1 characters; at most 60 are allowed</source>
        <translation>Der Revisionsname hat %1 Zeichen; höchstens 60 sind erlaubt</translation>
    </message>
    <message>
        <source>The description has %1 characters; at most 250 are allowed</source>
        <translation>Die Beschreibung hat %1 Zeichen; höchstens 250 sind erlaubt</translation>
    </message>
    <message>
        <source>no &apos;revision&apos; in the answer</source>
        <translation>keine „revision“ in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::CredentialOutcome</name>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>save</source>
        <translation>speichern</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Could not %1 %2</source>
        <translation>Konnte %2 nicht %1</translation>
    </message>
    <message>
        <source>Nothing is saved as %1</source>
        <translation>Als %1 ist nichts gespeichert</translation>
    </message>
    <message>
        <source>Enter it to sign in; tick &quot;Remember&quot; to save it in the system keychain</source>
        <translation>Geben Sie es zum Anmelden ein; wählen Sie „Merken“, um es im Schlüsselbund des Systems zu speichern</translation>
    </message>
    <message>
        <source>: the system keychain is locked or did not answer</source>
        <translation>: der Schlüsselbund des Systems ist gesperrt oder hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Unlock your keychain (for example your desktop&apos;s login keyring) and retry, or enter the secret for this session only. Nothing was deleted</source>
        <translation>Entsperren Sie Ihren Schlüsselbund (zum Beispiel den Anmelde-Schlüsselbund Ihres Desktops) und versuchen Sie es erneut, oder geben Sie das Geheimnis nur für diese Sitzung ein. Es wurde nichts gelöscht</translation>
    </message>
    <message>
        <source>: access to the system keychain was denied</source>
        <translation>: der Zugriff auf den Schlüsselbund des Systems wurde verweigert</translation>
    </message>
    <message>
        <source>Allow Anadesk to use the keychain when the system asks, then retry; or enter the secret for this session only. Nothing was deleted</source>
        <translation>Erlauben Sie Anadesk die Nutzung des Schlüsselbunds, wenn das System fragt, und versuchen Sie es erneut; oder geben Sie das Geheimnis nur für diese Sitzung ein. Es wurde nichts gelöscht</translation>
    </message>
    <message>
        <source>: no system keychain is available on this computer</source>
        <translation>: auf diesem Computer ist kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>Install and start a keychain service (a Secret Service such as GNOME Keyring or KeePassXC, or KWallet) and retry; until then enter the secret for this session only</source>
        <translation>Installieren und starten Sie einen Schlüsselbunddienst (einen Secret Service wie GNOME Keyring oder KeePassXC, oder KWallet) und versuchen Sie es erneut; bis dahin geben Sie das Geheimnis nur für diese Sitzung ein</translation>
    </message>
    <message>
        <source>: the request is invalid</source>
        <translation>: die Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>This is a defect in the caller; nothing was stored or deleted</source>
        <translation>Das ist ein Fehler im aufrufenden Programmteil; es wurde nichts gespeichert oder gelöscht</translation>
    </message>
    <message>
        <source>: the system keychain reported an error</source>
        <translation>: der Schlüsselbund des Systems meldet einen Fehler</translation>
    </message>
    <message>
        <source>Retry; if it keeps failing, check that the keychain service is running. Nothing was deleted</source>
        <translation>Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, prüfen Sie, ob der Schlüsselbunddienst läuft. Es wurde nichts gelöscht</translation>
    </message>
</context>
<context>
    <name>anadesk::CredentialStore</name>
    <message>
        <source>the %1 of profile &apos;%2&apos;</source>
        <translation>%1 des Profils „%2“</translation>
    </message>
    <message>
        <source>the saved secrets of profile &apos;%1&apos;</source>
        <translation>die gespeicherten Geheimnisse des Profils „%1“</translation>
    </message>
    <message>
        <source>the profile id is empty or contains characters other than letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>die Profil-ID ist leer oder enthält andere Zeichen als Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message>
        <source>the secret is empty (use remove to delete a saved secret)</source>
        <translation>das Geheimnis ist leer (zum Löschen eines gespeicherten Geheimnisses „Entfernen“ verwenden)</translation>
    </message>
    <message>
        <source>the secret is %1 bytes long; at most %2 bytes can be saved</source>
        <translation>das Geheimnis ist %1 Bytes lang; höchstens %2 Bytes können gespeichert werden</translation>
    </message>
    <message>
        <source>the %1 of a profile</source>
        <translation>%1 eines Profils</translation>
    </message>
    <message>
        <source>the profile&apos;s secrets</source>
        <translation>die Geheimnisse des Profils</translation>
    </message>
</context>
<context>
    <name>anadesk::CsvReader</name>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>header row %1</source>
        <translation>Kopfzeile %1</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>keine Kopfzeile</translation>
    </message>
    <message>
        <source>data from row %1</source>
        <translation>Daten ab Zeile %1</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>keine Datenzeilen</translation>
    </message>
    <message>
        <source>Separator %1 · quote %2 · %3 · %4 · %5</source>
        <translation>Trennzeichen %1 · Anführungszeichen %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>The encoding &apos;%1&apos; is not known on this computer; the preview cannot be shown. The upload itself sends the bytes unchanged.</source>
        <translation>Die Kodierung „%1“ ist auf diesem Computer nicht bekannt; die Vorschau kann nicht angezeigt werden. Beim Hochladen selbst werden die Bytes unverändert gesendet.</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2. Check that the file exists and that you may read it.</source>
        <translation>„%1“ kann nicht gelesen werden: %2. Prüfen Sie, ob die Datei existiert und Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2.</source>
        <translation>„%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Some bytes of &apos;%1&apos; are not valid %2 (shown as �). Anaplan will reject those rows unless the file&apos;s encoding is changed.</source>
        <translation>Einige Bytes von „%1“ sind kein gültiges %2 (als � angezeigt). Anaplan wird diese Zeilen ablehnen, sofern die Kodierung der Datei nicht geändert wird.</translation>
    </message>
    <message>
        <source>Some bytes are not valid %1 (shown as �).</source>
        <translation>Einige Bytes sind kein gültiges %1 (als � angezeigt).</translation>
    </message>
</context>
<context>
    <name>anadesk::CsvTableModel</name>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
</context>
<context>
    <name>anadesk::CurrentPeriodJob</name>
    <message>
        <source>Get current period</source>
        <translation>Aktuellen Zeitraum abrufen</translation>
    </message>
    <message>
        <source>Reset current period</source>
        <translation>Aktuellen Zeitraum zurücksetzen</translation>
    </message>
    <message>
        <source>Set current period</source>
        <translation>Aktuellen Zeitraum festlegen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date in the form YYYY-MM-DD</source>
        <translation>„%1“ ist kein Datum im Format JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Give the date as YYYY-MM-DD (for example 2024-05-20), or an empty date to reset.</source>
        <translation>Geben Sie das Datum als JJJJ-MM-TT an (zum Beispiel 2024-05-20) oder ein leeres Datum zum Zurücksetzen.</translation>
    </message>
    <message>
        <source>no &apos;currentPeriod&apos; object</source>
        <translation>kein „currentPeriod“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::DeleteModelsJob</name>
    <message>
        <source>Delete models</source>
        <translation>Modelle löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) in %1</source>
        <translation>
            <numerusform>%n Modell in %1</numerusform>
            <numerusform>%n Modelle in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace selected</source>
        <translation>Kein Arbeitsbereich ausgewählt</translation>
    </message>
    <message>
        <source>Give the workspace that holds the models.</source>
        <translation>Geben Sie den Arbeitsbereich an, der die Modelle enthält.</translation>
    </message>
    <message>
        <source>No models to delete</source>
        <translation>Keine Modelle zu löschen</translation>
    </message>
    <message>
        <source>An empty model id was given</source>
        <translation>Es wurde eine leere Modell-ID angegeben</translation>
    </message>
</context>
<context>
    <name>anadesk::DimensionItemsJob</name>
    <message>
        <source>List dimension items</source>
        <translation>Dimensionselemente auflisten</translation>
    </message>
    <message>
        <source>Look up dimension items</source>
        <translation>Dimensionselemente nachschlagen</translation>
    </message>
    <message>
        <source>List view dimension items</source>
        <translation>Dimensionselemente der Ansicht auflisten</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>List line item dimension items</source>
        <translation>Dimensionselemente des Zeilenelements auflisten</translation>
    </message>
    <message>
        <source>line item</source>
        <translation>Zeilenelement</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Dimension %1 cannot be listed here</source>
        <translation>Dimension %1 kann hier nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Give a list (101…), the Users dimension (101999999999), a list subset (109…) or a line item subset (114…); read Time or Versions through a view instead.</source>
        <translation>Geben Sie eine Liste (101…), die Dimension Benutzer (101999999999), eine Listenteilmenge (109…) oder eine Zeilenelement-Teilmenge (114…) an; lesen Sie Zeit oder Versionen stattdessen über eine Ansicht.</translation>
    </message>
    <message>
        <source>Items of dimension %1 cannot be looked up</source>
        <translation>Elemente der Dimension %1 können nicht nachgeschlagen werden</translation>
    </message>
    <message>
        <source>Give a list (101…), Users (101999999999), Time (20000000003) or Versions (20000000020).</source>
        <translation>Geben Sie eine Liste (101…), Benutzer (101999999999), Zeit (20000000003) oder Versionen (20000000020) an.</translation>
    </message>
    <message>
        <source>Nothing to look up</source>
        <translation>Nichts nachzuschlagen</translation>
    </message>
    <message>
        <source>Give at least one item name or code.</source>
        <translation>Geben Sie mindestens einen Elementnamen oder -code an.</translation>
    </message>
</context>
<context>
    <name>anadesk::DownloadFileJob</name>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
</context>
<context>
    <name>anadesk::DownloadJob</name>
    <message>
        <source>Choose another folder or file name.</source>
        <translation>Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>No file to save the download into was given</source>
        <translation>Es wurde keine Datei zum Speichern des Downloads angegeben</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Wählen Sie, wo die Datei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a folder</source>
        <translation>„%1“ ist ein Ordner</translation>
    </message>
    <message>
        <source>Choose a file name inside the folder.</source>
        <translation>Wählen Sie einen Dateinamen innerhalb des Ordners.</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; does not exist</source>
        <translation>Der Ordner „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>Wählen Sie einen vorhandenen Ordner.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already exists</source>
        <translation>„%1“ existiert bereits</translation>
    </message>
    <message>
        <source>Choose another name, or allow overwriting.</source>
        <translation>Wählen Sie einen anderen Namen oder erlauben Sie das Überschreiben.</translation>
    </message>
    <message>
        <source>Cannot write &apos;%1&apos;</source>
        <translation>„%1“ kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Writing &apos;%1&apos; failed</source>
        <translation>Schreiben von „%1“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saving &apos;%1&apos; failed</source>
        <translation>Speichern von „%1“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; appeared while downloading</source>
        <translation>„%1“ ist während des Herunterladens entstanden</translation>
    </message>
    <message>
        <source>The download is kept in &apos;%1&apos;. Remove or rename the other file and run it again.</source>
        <translation>Der Download bleibt in „%1“ erhalten. Entfernen oder benennen Sie die andere Datei um und starten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Renaming &apos;%1&apos; to &apos;%2&apos; failed</source>
        <translation>Umbenennen von „%1“ in „%2“ fehlgeschlagen</translation>
    </message>
    <message>
        <source>Free disk space or choose another folder, then download again. Nothing was saved under &apos;%1&apos;.</source>
        <translation>Geben Sie Speicherplatz frei oder wählen Sie einen anderen Ordner und laden Sie erneut herunter. Unter „%1“ wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>anadesk::DownloadJobBase</name>
    <message>
        <source>Listing chunks</source>
        <translation>Chunks auflisten</translation>
    </message>
    <message>
        <source>Listing the chunks of the file failed: %1</source>
        <translation>Das Auflisten der Chunks der Datei ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Check the file id. An export&apos;s file only exists once the export has run.</source>
        <translation>Prüfen Sie die Datei-ID. Die Datei eines Exports existiert erst, wenn der Export gelaufen ist.</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>The file holds no content (it has no chunks)</source>
        <translation>Die Datei hat keinen Inhalt (sie hat keine Chunks)</translation>
    </message>
    <message>
        <source>Run the export first, or upload data to the file.</source>
        <translation>Führen Sie zuerst den Export aus oder laden Sie Daten in die Datei hoch.</translation>
    </message>
    <message>
        <source>Download of chunk %1 of %2 failed: %3</source>
        <translation>Herunterladen von Chunk %1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Chunk %1 arrived incomplete (%2 of %3 bytes) %4 times</source>
        <translation>Chunk %1 kam %4-mal unvollständig an (%2 von %3 Bytes)</translation>
    </message>
    <message>
        <source>The connection keeps breaking. Try again later; the download resumes where it stopped.</source>
        <translation>Die Verbindung bricht immer wieder ab. Versuchen Sie es später erneut; der Download wird an der Abbruchstelle fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>anadesk::DropUploadDialog</name>
    <message>
        <source>Upload to %1</source>
        <translation>Nach %1 hochladen</translation>
    </message>
    <message>
        <source>%1: not a local file (only files from this computer can be uploaded)</source>
        <translation>%1: keine lokale Datei (nur Dateien von diesem Computer können hochgeladen werden)</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <source>%1: a folder; drop the files inside it instead</source>
        <translation>%1: ein Ordner; ziehen Sie stattdessen die Dateien darin hierher</translation>
    </message>
    <message>
        <source>%1: you may not read this file</source>
        <translation>%1: Sie dürfen diese Datei nicht lesen</translation>
    </message>
    <message>
        <source>Nothing to upload.</source>
        <translation>Nichts hochzuladen.</translation>
    </message>
    <message>
        <source>Reading the files and imports of the model…</source>
        <translation>Dateien und Importe des Modells werden gelesen…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>These imports read the files you uploaded. Run them now?</source>
        <translation>Diese Importe lesen die hochgeladenen Dateien. Jetzt ausführen?</translation>
    </message>
    <message>
        <source>Uploads and imports</source>
        <translation>Uploads und Importe</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>&amp;Run imports</source>
        <translation>Importe aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <source>Open failure &amp;dump</source>
        <translation>Fehler-&amp;Dump öffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Listing the model&apos;s files</source>
        <translation>Auflisten der Dateien des Modells</translation>
    </message>
    <message>
        <source>Listing the model&apos;s imports</source>
        <translation>Auflisten der Importe des Modells</translation>
    </message>
    <message>
        <source>Choose the model file that &apos;%1&apos; goes to.</source>
        <translation>Wählen Sie die Modelldatei, in die „%1“ hochgeladen wird.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; both go to &apos;%3&apos;: choose another file for one of them.</source>
        <translation>„%1“ und „%2“ gehen beide nach „%3“: Wählen Sie für eine davon eine andere Datei.</translation>
    </message>
    <message>
        <source>The row you dropped on (%1) is not a file imports read from (an export&apos;s output?).</source>
        <translation>Die Zeile, auf der Sie abgelegt haben (%1), ist keine Datei, aus der Importe lesen (die Ausgabe eines Exports?).</translation>
    </message>
    <message>
        <source>Uploading replaces the content of the chosen model files.</source>
        <translation>Das Hochladen ersetzt den Inhalt der gewählten Modelldateien.</translation>
    </message>
    <message>
        <source>Not uploaded: %1</source>
        <translation>Nicht hochgeladen: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 of %2 · chunk %3 of %4</source>
        <translation>%1 von %2 · Chunk %3 von %4</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not uploaded.</source>
        <translation>Nicht hochgeladen.</translation>
    </message>
    <message>
        <source>%1 (%2) — reads %3</source>
        <translation>%1 (%2) — liest %3</translation>
    </message>
    <message numerus="yes">
        <source>Running %n import(s)… They also appear in the task monitor; closing this window does not stop the one running.</source>
        <translation>
            <numerusform>%n Import wird ausgeführt… Er erscheint auch im Aufgabenmonitor; das Schließen dieses Fensters hält ihn nicht an.</numerusform>
            <numerusform>%n Importe werden ausgeführt… Sie erscheinen auch im Aufgabenmonitor; das Schließen dieses Fensters hält den gerade laufenden nicht an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) uploaded.</source>
        <translation>
            <numerusform>%1 von %n Datei hochgeladen.</numerusform>
            <numerusform>%1 von %n Dateien hochgeladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imports: %1 succeeded, %2 failed.</source>
        <translation>Importe: %1 erfolgreich, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Some rows failed: select the import and press &quot;Open failure dump&quot; to see why.</source>
        <translation>Einige Zeilen sind fehlgeschlagen: Wählen Sie den Import aus und klicken Sie auf „Fehler-Dump öffnen“, um den Grund zu sehen.</translation>
    </message>
    <message>
        <source>Stop uploading?</source>
        <translation>Hochladen anhalten?</translation>
    </message>
    <message>
        <source>Stop the uploads and close this window?</source>
        <translation>Die Uploads anhalten und dieses Fenster schließen?</translation>
    </message>
    <message>
        <source>A file whose upload is stopped is left incomplete in the model: upload it again before running the imports that read it.</source>
        <translation>Eine Datei, deren Upload angehalten wird, bleibt unvollständig im Modell: Laden Sie sie erneut hoch, bevor Sie die Importe ausführen, die sie lesen.</translation>
    </message>
    <message>
        <source>The connection to Anaplan was closed. Connect again, then drop the files again.</source>
        <translation>Die Verbindung zu Anaplan wurde geschlossen. Verbinden Sie sich erneut und ziehen Sie die Dateien dann noch einmal hierher.</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>Nicht hochgeladen</translation>
    </message>
</context>
<context>
    <name>anadesk::DumpDownloadJob</name>
    <message>
        <source>Download failure dump</source>
        <translation>Fehler-Dump herunterladen</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>Could not write the failure dump: %1</source>
        <translation>Der Fehler-Dump konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Check the disk space and the permissions of the target folder.</source>
        <translation>Prüfen Sie den Speicherplatz und die Berechtigungen des Zielordners.</translation>
    </message>
</context>
<context>
    <name>anadesk::DumpRef</name>
    <message>
        <source>failure dump of %1 in %2</source>
        <translation>Fehler-Dump von %1 in %2</translation>
    </message>
    <message>
        <source>failure dump of %1</source>
        <translation>Fehler-Dump von %1</translation>
    </message>
</context>
<context>
    <name>anadesk::ExportAndDownloadJob</name>
    <message>
        <source>Export and download %1</source>
        <translation>%1 exportieren und herunterladen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the id of an export (116…)</source>
        <translation>„%1“ ist nicht die ID eines Exports (116…)</translation>
    </message>
</context>
<context>
    <name>anadesk::FailureDumpDialog</name>
    <message>
        <source>Cannot write &apos;%1&apos;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Failure dump — %1</source>
        <translation>Fehler-Dump — %1</translation>
    </message>
    <message>
        <source>Rows that failed</source>
        <translation>Fehlgeschlagene Zeilen</translation>
    </message>
    <message>
        <source>Filter rows (Ctrl+F)</source>
        <translation>Zeilen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Column to filter</source>
        <translation>Zu filternde Spalte</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Alle Spalten</translation>
    </message>
    <message>
        <source>Reading the dump…</source>
        <translation>Dump wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save the dump as it came from Anaplan (Ctrl+S)</source>
        <translation>Den Dump so speichern, wie er von Anaplan kam (Strg+S)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Choose another folder, or free space on the disk.</source>
        <translation>Wählen Sie einen anderen Ordner oder geben Sie Speicherplatz frei.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n failed row(s)</source>
        <translation>
            <numerusform>%1 von %n fehlgeschlagenen Zeile angezeigt</numerusform>
            <numerusform>%1 von %n fehlgeschlagenen Zeilen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Save failure dump</source>
        <translation>Fehler-Dump speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>anadesk::FileStreamJob</name>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
</context>
<context>
    <name>anadesk::FirstRunPage</name>
    <message>
        <source>Welcome to Anadesk</source>
        <translation>Willkommen bei Anadesk</translation>
    </message>
    <message>
        <source>Administer Anaplan workspaces and models: browse, upload, import, export and follow tasks. Try it on a local sandbox with demo data, or connect to your tenant.</source>
        <translation>Verwalten Sie Anaplan-Arbeitsbereiche und -Modelle: durchsuchen, hochladen, importieren, exportieren und Aufgaben verfolgen. Probieren Sie es mit einer lokalen Sandbox mit Demodaten aus oder verbinden Sie sich mit Ihrem Mandanten.</translation>
    </message>
    <message>
        <source>&amp;Try the Sandbox</source>
        <translation>Sandbox &amp;ausprobieren</translation>
    </message>
    <message>
        <source>Starts anadesk-sandbox on this computer (loopback only) and connects with its demo account.</source>
        <translation>Startet anadesk-sandbox auf diesem Computer (nur Loopback) und verbindet sich mit dessen Demokonto.</translation>
    </message>
    <message>
        <source>&amp;Add a Connection…</source>
        <translation>Verbindung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Sa&amp;ved connection:</source>
        <translation>&amp;Gespeicherte Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>&amp;Enter for This Session…</source>
        <translation>Für diese Sitzung &amp;eingeben…</translation>
    </message>
</context>
<context>
    <name>anadesk::GetAlmTaskJob</name>
    <message>
        <source>Get %1</source>
        <translation>%1 abrufen</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>no &apos;task&apos; object</source>
        <translation>kein „task“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetComparisonReportJob</name>
    <message>
        <source>Get comparison report</source>
        <translation>Vergleichsbericht abrufen</translation>
    </message>
    <message>
        <source>comparison of %1 with %2</source>
        <translation>Vergleich von %1 mit %2</translation>
    </message>
    <message>
        <source>target revision</source>
        <translation>Zielrevision</translation>
    </message>
    <message>
        <source>source revision</source>
        <translation>Quellrevision</translation>
    </message>
</context>
<context>
    <name>anadesk::GetDumpJob</name>
    <message>
        <source>Download failure dump</source>
        <translation>Fehler-Dump herunterladen</translation>
    </message>
    <message>
        <source>chunk %1 of %2</source>
        <translation>Chunk %1 von %2</translation>
    </message>
</context>
<context>
    <name>anadesk::GetFileJob</name>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
</context>
<context>
    <name>anadesk::GetLatestRevisionJob</name>
    <message>
        <source>Get latest revision</source>
        <translation>Neueste Revision abrufen</translation>
    </message>
</context>
<context>
    <name>anadesk::GetListItemsCsvJob</name>
    <message>
        <source>Get list items as CSV</source>
        <translation>Listenelemente als CSV abrufen</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
</context>
<context>
    <name>anadesk::GetListItemsJob</name>
    <message>
        <source>items of %1</source>
        <translation>Elemente von %1</translation>
    </message>
    <message>
        <source>Get list items</source>
        <translation>Listenelemente abrufen</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
</context>
<context>
    <name>anadesk::GetListMetadataJob</name>
    <message>
        <source>Get list metadata</source>
        <translation>Listenmetadaten abrufen</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>no &apos;metadata&apos; object</source>
        <translation>kein „metadata“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetModelCalendarJob</name>
    <message>
        <source>Get model calendar</source>
        <translation>Modellkalender abrufen</translation>
    </message>
    <message>
        <source>no &apos;modelCalendar&apos; object</source>
        <translation>kein „modelCalendar“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetModelJob</name>
    <message>
        <source>Get model</source>
        <translation>Modell abrufen</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>Give a model id or name.</source>
        <translation>Geben Sie eine Modell-ID oder einen Modellnamen an.</translation>
    </message>
    <message>
        <source>no &apos;model&apos; object</source>
        <translation>kein „model“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetModelStatusJob</name>
    <message>
        <source>Get model status</source>
        <translation>Modellstatus abrufen</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>Give a model id or name.</source>
        <translation>Geben Sie eine Modell-ID oder einen Modellnamen an.</translation>
    </message>
    <message>
        <source>no &apos;requestStatus&apos; object</source>
        <translation>kein „requestStatus“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetOptimizerLogJob</name>
    <message>
        <source>Get optimizer log</source>
        <translation>Optimizer-Protokoll abrufen</translation>
    </message>
    <message>
        <source>solution log of task %1 of optimizer action %2</source>
        <translation>Lösungsprotokoll der Aufgabe %1 der Optimizer-Aktion %2</translation>
    </message>
    <message>
        <source>Select a workspace and a model first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich und ein Modell aus.</translation>
    </message>
    <message>
        <source>The optimizer log needs both the optimizer action id and the task id</source>
        <translation>Das Optimizer-Protokoll benötigt sowohl die ID der Optimizer-Aktion als auch die Aufgaben-ID</translation>
    </message>
</context>
<context>
    <name>anadesk::GetSummaryReportJob</name>
    <message>
        <source>Get comparison summary</source>
        <translation>Vergleichszusammenfassung abrufen</translation>
    </message>
    <message>
        <source>summary of %1 against %2</source>
        <translation>Zusammenfassung von %1 gegenüber %2</translation>
    </message>
    <message>
        <source>target revision</source>
        <translation>Zielrevision</translation>
    </message>
    <message>
        <source>source revision</source>
        <translation>Quellrevision</translation>
    </message>
    <message>
        <source>no &apos;summaryReport&apos; object</source>
        <translation>kein „summaryReport“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetTaskStatusJob</name>
    <message>
        <source>Get task status</source>
        <translation>Aufgabenstatus abrufen</translation>
    </message>
    <message>
        <source>No task id given</source>
        <translation>Keine Aufgaben-ID angegeben</translation>
    </message>
    <message>
        <source>no &apos;task&apos; object</source>
        <translation>kein „task“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::GetViewInfoJob</name>
    <message>
        <source>Get view metadata</source>
        <translation>Ansichtsmetadaten abrufen</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>no &apos;viewId&apos; in the answer</source>
        <translation>keine „viewId“ in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::GetWorkspaceJob</name>
    <message>
        <source>Get workspace</source>
        <translation>Arbeitsbereich abrufen</translation>
    </message>
    <message>
        <source>No workspace selected</source>
        <translation>Kein Arbeitsbereich ausgewählt</translation>
    </message>
    <message>
        <source>Give a workspace id or name.</source>
        <translation>Geben Sie eine Arbeitsbereichs-ID oder einen Arbeitsbereichsnamen an.</translation>
    </message>
    <message>
        <source>no &apos;workspace&apos; object</source>
        <translation>kein „workspace“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::InlineBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Check that the server is reachable (network, proxy, VPN), then refresh with F5.</source>
        <translation>Prüfen Sie, ob der Server erreichbar ist (Netzwerk, Proxy, VPN), und aktualisieren Sie dann mit F5.</translation>
    </message>
    <message>
        <source>The server did not answer in time; refresh with F5 to try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; aktualisieren Sie mit F5, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Sign in again: the connection&apos;s credentials were rejected.</source>
        <translation>Melden Sie sich erneut an: die Anmeldedaten der Verbindung wurden abgelehnt.</translation>
    </message>
    <message>
        <source>Ask a workspace administrator for access to this object.</source>
        <translation>Bitten Sie einen Arbeitsbereichsadministrator um Zugriff auf dieses Objekt.</translation>
    </message>
    <message>
        <source>It may have been deleted meanwhile; refresh with F5.</source>
        <translation>Es wurde möglicherweise inzwischen gelöscht; aktualisieren Sie mit F5.</translation>
    </message>
    <message>
        <source>Wait until the model&apos;s current task ends, then try again.</source>
        <translation>Warten Sie, bis die aktuelle Aufgabe des Modells endet, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Unarchive the model in Anaplan before using it.</source>
        <translation>Holen Sie das Modell in Anaplan aus dem Archiv, bevor Sie es verwenden.</translation>
    </message>
    <message>
        <source>Too many requests; wait a minute, then refresh with F5.</source>
        <translation>Zu viele Anfragen; warten Sie eine Minute und aktualisieren Sie dann mit F5.</translation>
    </message>
    <message>
        <source>The server had a problem; try again later (F5).</source>
        <translation>Der Server hatte ein Problem; versuchen Sie es später erneut (F5).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read; refresh with F5 or report it.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden; aktualisieren Sie mit F5 oder melden Sie den Fehler.</translation>
    </message>
    <message>
        <source>. Details: %1</source>
        <translation>. Details: %1</translation>
    </message>
</context>
<context>
    <name>anadesk::Job</name>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>The operation</source>
        <translation>Der Vorgang</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not what Anaplan sends. Try again; if it persists, report it with the log.</source>
        <translation>Die Antwort des Servers entsprach nicht dem, was Anaplan sendet. Versuchen Sie es erneut; wenn es bestehen bleibt, melden Sie es zusammen mit dem Protokoll.</translation>
    </message>
</context>
<context>
    <name>anadesk::KeychainCredentialStore</name>
    <message>
        <source>the system keychain (or, without one, the plain-text file %1)</source>
        <translation>dem Schlüsselbund des Systems (oder, ohne einen solchen, der Klartextdatei %1)</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>no answer from the keychain within %1 s</source>
        <translation>keine Antwort vom Schlüsselbund innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the entry exists in a locked keychain collection</source>
        <translation>der Eintrag existiert in einer gesperrten Schlüsselbund-Sammlung</translation>
    </message>
    <message>
        <source>the entry is still there, in a locked keychain collection</source>
        <translation>der Eintrag ist noch vorhanden, in einer gesperrten Schlüsselbund-Sammlung</translation>
    </message>
    <message>
        <source>the keychain holds the entry but did not return it</source>
        <translation>der Schlüsselbund enthält den Eintrag, hat ihn aber nicht herausgegeben</translation>
    </message>
    <message>
        <source>the keychain reported the entry deleted, but it is still there</source>
        <translation>der Schlüsselbund meldete den Eintrag als gelöscht, er ist aber noch vorhanden</translation>
    </message>
    <message>
        <source>the profile id is empty or contains characters other than letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>die Profil-ID ist leer oder enthält andere Zeichen als Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message>
        <source>the settings file could not be written</source>
        <translation>die Einstellungsdatei konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>anadesk::LineItemDimensionsJob</name>
    <message>
        <source>List line item dimensions</source>
        <translation>Dimensionen des Zeilenelements auflisten</translation>
    </message>
    <message>
        <source>line item</source>
        <translation>Zeilenelement</translation>
    </message>
</context>
<context>
    <name>anadesk::ListAppliedModelsJob</name>
    <message>
        <source>List models of revision</source>
        <translation>Modelle der Revision auflisten</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>Revision</translation>
    </message>
</context>
<context>
    <name>anadesk::ListDumpChunksJob</name>
    <message>
        <source>List dump chunks</source>
        <translation>Dump-Chunks auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::ListFileChunksJob</name>
    <message>
        <source>List chunks</source>
        <translation>Chunks auflisten</translation>
    </message>
    <message>
        <source>Select a workspace and a model first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich und ein Modell aus.</translation>
    </message>
    <message>
        <source>No file id given</source>
        <translation>Keine Datei-ID angegeben</translation>
    </message>
</context>
<context>
    <name>anadesk::ListItemsWriteJob</name>
    <message>
        <source>Insert list items</source>
        <translation>Listenelemente einfügen</translation>
    </message>
    <message>
        <source>Delete list items</source>
        <translation>Listenelemente löschen</translation>
    </message>
    <message>
        <source>Update list items</source>
        <translation>Listenelemente aktualisieren</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>%1 added, %2 ignored</source>
        <translation>%1 hinzugefügt, %2 ignoriert</translation>
    </message>
    <message>
        <source>%1 updated, %2 ignored</source>
        <translation>%1 aktualisiert, %2 ignoriert</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
</context>
<context>
    <name>anadesk::ListLineItemsJob</name>
    <message>
        <source>line items of %1</source>
        <translation>Zeilenelemente von %1</translation>
    </message>
    <message>
        <source>List line items</source>
        <translation>Zeilenelemente auflisten</translation>
    </message>
    <message>
        <source>List line items of %1</source>
        <translation>Zeilenelemente von %1 auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::ListListsJob</name>
    <message>
        <source>lists of %1</source>
        <translation>Listen von %1</translation>
    </message>
    <message>
        <source>List lists</source>
        <translation>Listen auflisten</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>anadesk::ListModelsJob</name>
    <message>
        <source>List models</source>
        <translation>Modelle auflisten</translation>
    </message>
    <message>
        <source>List models of %1</source>
        <translation>Modelle von %1 auflisten</translation>
    </message>
    <message>
        <source>models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>anadesk::ListModulesJob</name>
    <message>
        <source>modules of %1</source>
        <translation>Module von %1</translation>
    </message>
    <message>
        <source>List modules</source>
        <translation>Module auflisten</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>Module</translation>
    </message>
</context>
<context>
    <name>anadesk::ListRevisionsJob</name>
    <message>
        <source>revisions of %1</source>
        <translation>Revisionen von %1</translation>
    </message>
    <message>
        <source>List revisions</source>
        <translation>Revisionen auflisten</translation>
    </message>
    <message>
        <source>revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>Applied dates must be given as YYYY-MM-DD</source>
        <translation>Anwendungsdaten müssen als JJJJ-MM-TT angegeben werden</translation>
    </message>
</context>
<context>
    <name>anadesk::ListSyncTasksJob</name>
    <message>
        <source>List sync tasks</source>
        <translation>Synchronisierungsaufgaben auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::ListSyncableRevisionsJob</name>
    <message>
        <source>List syncable revisions</source>
        <translation>Synchronisierbare Revisionen auflisten</translation>
    </message>
    <message>
        <source>revisions of %1 for %2</source>
        <translation>Revisionen von %1 für %2</translation>
    </message>
    <message>
        <source>source model</source>
        <translation>Quellmodell</translation>
    </message>
</context>
<context>
    <name>anadesk::ListTaskSummariesJob</name>
    <message>
        <source>List tasks</source>
        <translation>Aufgaben auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::ListViewsJob</name>
    <message>
        <source>views of %1</source>
        <translation>Ansichten von %1</translation>
    </message>
    <message>
        <source>List views</source>
        <translation>Ansichten auflisten</translation>
    </message>
    <message>
        <source>List views of %1</source>
        <translation>Ansichten von %1 auflisten</translation>
    </message>
    <message>
        <source>views</source>
        <translation>Ansichten</translation>
    </message>
</context>
<context>
    <name>anadesk::ListWorkspacesJob</name>
    <message>
        <source>List workspaces</source>
        <translation>Arbeitsbereiche auflisten</translation>
    </message>
    <message>
        <source>workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
</context>
<context>
    <name>anadesk::LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>anadesk::LogView</name>
    <message>
        <source>Filter messages</source>
        <translation>Meldungen filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1.</source>
        <translation>Das Protokoll konnte nicht unter %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Choose another folder or file name. (%1)</source>
        <translation>Wählen Sie einen anderen Ordner oder Dateinamen. (%1)</translation>
    </message>
</context>
<context>
    <name>anadesk::MainWindow</name>
    <message>
        <source>Anadesk</source>
        <translation>Anadesk</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Try the &amp;Sandbox</source>
        <translation>&amp;Sandbox ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About Anadesk</source>
        <translation>&amp;Über Anadesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>%1 — Anadesk</source>
        <translation>%1 — Anadesk</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 (%n workspace(s)).</source>
        <translation>
            <numerusform>Verbunden mit %1 (%n Arbeitsbereich).</numerusform>
            <numerusform>Verbunden mit %1 (%n Arbeitsbereiche).</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection %1 no longer exists.</source>
        <translation>Die Verbindung %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>About Anadesk</source>
        <translation>Über Anadesk</translation>
    </message>
    <message>
        <source>Anadesk %1 — a desktop administration console for Anaplan.</source>
        <translation>Anadesk %1 — eine Desktop-Verwaltungskonsole für Anaplan.</translation>
    </message>
    <message>
        <source>Built with Qt %1. Secrets are kept in the system keychain; logs are redacted.</source>
        <translation>Erstellt mit Qt %1. Geheimnisse liegen im Schlüsselbund des Systems; Protokolle werden geschwärzt.</translation>
    </message>
    <message>
        <source>Sign In &amp;Again…</source>
        <translation>&amp;Erneut anmelden…</translation>
    </message>
    <message>
        <source>Reset La&amp;yout</source>
        <translation>Lay&amp;out zurücksetzen</translation>
    </message>
    <message>
        <source>Proxy sign-in cancelled.</source>
        <translation>Proxy-Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>anadesk::MemoryCredentialStore</name>
    <message>
        <source>simulated by MemoryCredentialStore</source>
        <translation>simuliert durch MemoryCredentialStore</translation>
    </message>
    <message>
        <source>memory (this session only)</source>
        <translation>dem Arbeitsspeicher (nur diese Sitzung)</translation>
    </message>
</context>
<context>
    <name>anadesk::ModelBrowser</name>
    <message>
        <source>Deleted: %1.</source>
        <translation>Gelöscht: %1.</translation>
    </message>
    <message>
        <source>Not deleted:</source>
        <translation>Nicht gelöscht:</translation>
    </message>
    <message>
        <source>What to do: close open models (Close model) and try again.</source>
        <translation>Was zu tun ist: Schließen Sie geöffnete Modelle (Modell schließen) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Filter models by name or id (Ctrl+Shift+F)</source>
        <translation>Modelle nach Name oder ID filtern (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>Modelle filtern</translation>
    </message>
    <message>
        <source>Filter models by state</source>
        <translation>Modelle nach Zustand filtern</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Workspaces and models</source>
        <translation>Arbeitsbereiche und Modelle</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
    <message>
        <source>Listing workspaces and models</source>
        <translation>Auflisten der Arbeitsbereiche und Modelle</translation>
    </message>
    <message>
        <source>&amp;Open model</source>
        <translation>Modell ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open (load into memory) the selected model</source>
        <translation>Das ausgewählte Modell öffnen (in den Speicher laden)</translation>
    </message>
    <message>
        <source>&amp;Close model</source>
        <translation>Modell &amp;schließen</translation>
    </message>
    <message>
        <source>Close (unload from memory) the selected model</source>
        <translation>Das ausgewählte Modell schließen (aus dem Speicher entladen)</translation>
    </message>
    <message>
        <source>&amp;Delete models…</source>
        <translation>Modelle &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete the models selected in the tree (asks first)</source>
        <translation>Die im Baum ausgewählten Modelle löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Copy model &amp;id</source>
        <translation>Modell-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>&amp;Refresh workspaces</source>
        <translation>Arbeitsbereiche &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>%1 is not listed in this model. What to do: refresh (F5); it may have been deleted.</source>
        <translation>%1 ist in diesem Modell nicht aufgeführt. Was zu tun ist: aktualisieren (F5); es wurde möglicherweise gelöscht.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is archived: its %2 cannot be listed until a workspace administrator unarchives it in Anaplan.</source>
        <translation>„%1“ ist archiviert: Seine %2 können erst aufgelistet werden, wenn ein Arbeitsbereichsadministrator es in Anaplan aus dem Archiv holt.</translation>
    </message>
    <message>
        <source>Opening &apos;%1&apos;…</source>
        <translation>„%1“ wird geöffnet…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was already open.</source>
        <translation>„%1“ war bereits geöffnet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is opening.</source>
        <translation>„%1“ wird gerade geöffnet.</translation>
    </message>
    <message>
        <source>Opening &apos;%1&apos;</source>
        <translation>Öffnen von „%1“</translation>
    </message>
    <message>
        <source>Closing &apos;%1&apos;…</source>
        <translation>„%1“ wird geschlossen…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is closing.</source>
        <translation>„%1“ wird gerade geschlossen.</translation>
    </message>
    <message>
        <source>Closing &apos;%1&apos;</source>
        <translation>Schließen von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n model(s)…</source>
        <translation>
            <numerusform>%n Modell wird gelöscht…</numerusform>
            <numerusform>%n Modelle werden gelöscht…</numerusform>
        </translation>
    </message>
    <message>
        <source>Running %1 &apos;%2&apos; in &apos;%3&apos;…</source>
        <translation>%1 „%2“ wird in „%3“ ausgeführt…</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; in &apos;%3&apos;</source>
        <translation>%1 „%2“ in „%3“</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Ausführung beendet</translation>
    </message>
    <message>
        <source>%1 finished successfully.</source>
        <translation>%1 wurde erfolgreich beendet.</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Ausführung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>%1 wird ausgeführt</translation>
    </message>
</context>
<context>
    <name>anadesk::ModelDeleter</name>
    <message>
        <source>• %1 (workspace %2)</source>
        <translation>• %1 (Arbeitsbereich %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Delete models</source>
        <translation>Modelle löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n model(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%n Modell löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Modelle löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only closed models can be deleted; open models are refused and reported.</source>
        <translation>Nur geschlossene Modelle können gelöscht werden; geöffnete Modelle werden abgewiesen und gemeldet.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was not deleted: %3</source>
        <translation>„%1“ (%2) wurde nicht gelöscht: %3</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>Deleting &apos;%1&apos; (%2)</source>
        <translation>Löschen von „%1“ (%2)</translation>
    </message>
</context>
<context>
    <name>anadesk::ModelHeader</name>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Last modified:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>Status now:</source>
        <translation>Aktueller Status:</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lese…</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(nicht gesendet)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reading the model status</source>
        <translation>Lesen des Modellstatus</translation>
    </message>
    <message>
        <source>Open (idle)</source>
        <translation>Geöffnet (untätig)</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Busy: %1 (%2 %)</source>
        <translation>Beschäftigt: %1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>anadesk::ModelObjectListJob</name>
    <message>
        <source>List %1</source>
        <translation>%1 auflisten</translation>
    </message>
    <message>
        <source>Select a workspace and a model first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich und ein Modell aus.</translation>
    </message>
</context>
<context>
    <name>anadesk::ModelPowerJob</name>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Close model</source>
        <translation>Modell schließen</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>Give a model id or name.</source>
        <translation>Geben Sie eine Modell-ID oder einen Modellnamen an.</translation>
    </message>
</context>
<context>
    <name>anadesk::MonitoredTask</name>
    <message>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Export and save</source>
        <translation>Exportieren und speichern</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Model sync</source>
        <translation>Modellsynchronisierung</translation>
    </message>
    <message>
        <source>Comparison report</source>
        <translation>Vergleichsbericht</translation>
    </message>
    <message>
        <source>Comparison summary</source>
        <translation>Vergleichsübersicht</translation>
    </message>
    <message>
        <source>No longer followed</source>
        <translation>Nicht mehr verfolgt</translation>
    </message>
</context>
<context>
    <name>anadesk::ObjectColumns</name>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Chunks</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>First data row</source>
        <translation>Erste Datenzeile</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Source file id</source>
        <translation>Quelldatei-ID</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(not applicable)</source>
        <translation>(nicht zutreffend)</translation>
    </message>
    <message>
        <source>files</source>
        <extracomment>Plural noun inside sentences such as &quot;Filter files by name or id&quot;, &quot;This model has no files.&quot;</extracomment>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>imports</source>
        <extracomment>Plural noun inside sentences such as &quot;Filter imports by name or id&quot;, &quot;This model has no imports.&quot;</extracomment>
        <translation>Importe</translation>
    </message>
    <message>
        <source>exports</source>
        <extracomment>Plural noun inside sentences such as &quot;Filter exports by name or id&quot;, &quot;This model has no exports.&quot;</extracomment>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>processes</source>
        <extracomment>Plural noun inside sentences such as &quot;Filter processes by name or id&quot;, &quot;This model has no processes.&quot;</extracomment>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>actions</source>
        <extracomment>Plural noun inside sentences such as &quot;Filter actions by name or id&quot;, &quot;This model has no actions.&quot;</extracomment>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>anadesk::ObjectTab</name>
    <message>
        <source>Filter %1 by name or id (Ctrl+F)</source>
        <translation>%1 nach Name oder ID filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Copy &amp;id</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Show &amp;source file</source>
        <translation>&amp;Quelldatei anzeigen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 werden geladen…</translation>
    </message>
    <message>
        <source>Listing the %1 of the model</source>
        <translation>Auflisten der %1 des Modells</translation>
    </message>
    <message>
        <source>This model has no %1.</source>
        <translation>Dieses Modell hat keine %1.</translation>
    </message>
    <message>
        <source>Select a model to see its %1.</source>
        <translation>Wählen Sie ein Modell, um seine %1 zu sehen.</translation>
    </message>
    <message>
        <source>Run the selected import (Enter or double-click)</source>
        <translation>Ausgewählten Import ausführen (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Run the selected export (Enter or double-click)</source>
        <translation>Ausgewählten Export ausführen (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Run the selected process (Enter or double-click)</source>
        <translation>Ausgewählten Prozess ausführen (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Run the selected action (Enter or double-click)</source>
        <translation>Ausgewählte Aktion ausführen (Eingabetaste oder Doppelklick)</translation>
    </message>
</context>
<context>
    <name>anadesk::ObjectTableModel</name>
    <message>
        <source>%1
Id: %2</source>
        <translation>%1
ID: %2</translation>
    </message>
</context>
<context>
    <name>anadesk::OperationListModel</name>
    <message>
        <source>(removed from the task list)</source>
        <translation>(aus der Aufgabenliste entfernt)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Rows succeeded</source>
        <translation>Zeilen erfolgreich</translation>
    </message>
    <message>
        <source>Rows failed</source>
        <translation>Zeilen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rows ignored</source>
        <translation>Zeilen ignoriert</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>anadesk::PagedListJob</name>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>The server reported %1 items but a page size of %2</source>
        <translation>Der Server meldete %1 Einträge, aber eine Seitengröße von %2</translation>
    </message>
    <message>
        <source>The server reported %1 items in pages of %2: too many pages to read</source>
        <translation>Der Server meldete %1 Einträge in Seiten zu %2: zu viele Seiten zum Lesen</translation>
    </message>
    <message>
        <source>The list changed while it was read (%1 items, then %2). Try again.</source>
        <translation>Die Liste hat sich beim Lesen geändert (%1 Einträge, dann %2). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Item %1 appeared twice in the list: the list changed while it was read. Try again.</source>
        <translation>Eintrag %1 kam zweimal in der Liste vor: die Liste hat sich beim Lesen geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The page at offset %1 of the list &apos;%2&apos; held %3 items where %4 were expected: the list changed or the server skipped items. Try again.</source>
        <translation>Die Seite ab Position %1 der Liste „%2“ enthielt %3 Einträge statt der erwarteten %4: die Liste hat sich geändert oder der Server hat Einträge übersprungen. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>anadesk::PlainTextSecretFile</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>anadesk::ProfileEditor</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>e.g. Production EU</source>
        <translation>z. B. Produktion EU</translation>
    </message>
    <message>
        <source>Anaplan region</source>
        <translation>Anaplan-Region</translation>
    </message>
    <message>
        <source>One server URL (gateway, anadesk-sandbox)</source>
        <translation>Eine Server-URL (Gateway, anadesk-sandbox)</translation>
    </message>
    <message>
        <source>Custom hosts</source>
        <translation>Eigene Hosts</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation>Au&amp;thentifizierung:</translation>
    </message>
    <message>
        <source>A&amp;PI:</source>
        <translation>A&amp;PI:</translation>
    </message>
    <message>
        <source>Au&amp;dit:</source>
        <translation>Au&amp;dit:</translation>
    </message>
    <message>
        <source>Cloud&amp;Works:</source>
        <translation>Cloud&amp;Works:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Hosts:</translation>
    </message>
    <message>
        <source>User and password (basic)</source>
        <translation>Benutzer und Passwort (Basic)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>name@firma.de</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>certificate.pem</source>
        <translation>zertifikat.pem</translation>
    </message>
    <message>
        <source>private-key.pem</source>
        <translation>privater-schluessel.pem</translation>
    </message>
    <message>
        <source>empty if the key is not encrypted</source>
        <translation>leer, wenn der Schlüssel nicht verschlüsselt ist</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Certificate File</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <source>Key pass&amp;phrase:</source>
        <translation>Schlüssel-&amp;Passphrase:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Remember secrets in the system keychain</source>
        <translation>Geheimnisse im Schlüsselbund des Systems mer&amp;ken</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>optional workspace id</source>
        <translation>optionale Arbeitsbereichs-ID</translation>
    </message>
    <message>
        <source>optional model id</source>
        <translation>optionale Modell-ID</translation>
    </message>
    <message>
        <source>Application proxy (Settings)</source>
        <translation>Programm-Proxy (Einstellungen)</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Manual proxy for this connection</source>
        <translation>Manueller Proxy für diese Verbindung</translation>
    </message>
    <message>
        <source>proxy.company.com</source>
        <translation>proxy.firma.de</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Proxy h&amp;ost:</source>
        <translation>Proxy-H&amp;ost:</translation>
    </message>
    <message>
        <source>Proxy po&amp;rt:</source>
        <translation>Proxy-Po&amp;rt:</translation>
    </message>
    <message>
        <source>Proxy u&amp;ser:</source>
        <translation>Prox&amp;y-Benutzer:</translation>
    </message>
    <message>
        <source>Proxy p&amp;assword:</source>
        <translation>Proxy-P&amp;asswort:</translation>
    </message>
    <message>
        <source>Defaults and proxy</source>
        <translation>Vorgaben und Proxy</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>saved in %1 — type to replace</source>
        <translation>gespeichert in %1 — zum Ersetzen eintippen</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>paste the token</source>
        <translation>Token einfügen</translation>
    </message>
    <message>
        <source>Without a usable keychain, keep secrets in a plain-text &amp;file</source>
        <translation>Ohne nutzbaren Schlüsselbund Geheimnisse in einer Klartext-&amp;Datei speichern</translation>
    </message>
    <message>
        <source>M&amp;ethod:</source>
        <translation>M&amp;ethode:</translation>
    </message>
    <message>
        <source>Wor&amp;kspace id:</source>
        <translation>Arbeitsbereichs-ID (&amp;k):</translation>
    </message>
    <message>
        <source>Mo&amp;del id:</source>
        <translation>Mo&amp;dell-ID:</translation>
    </message>
    <message>
        <source>Warning: when this is on and the system keychain is missing or locked, the secrets of this connection are written UNENCRYPTED to %1 (readable by your user account and anyone with access to your files). Switching it off deletes them from that file.</source>
        <translation>Warnung: Ist dies eingeschaltet und fehlt der Schlüsselbund des Systems oder ist er gesperrt, werden die Geheimnisse dieser Verbindung UNVERSCHLÜSSELT in %1 geschrieben (lesbar für Ihr Benutzerkonto und jeden mit Zugriff auf Ihre Dateien). Ausschalten löscht sie aus dieser Datei.</translation>
    </message>
</context>
<context>
    <name>anadesk::ProfileListModel</name>
    <message>
        <source>region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>custom hosts (%1)</source>
        <translation>eigene Hosts (%1)</translation>
    </message>
    <message>
        <source>basic sign-in as %1</source>
        <translation>Basic-Anmeldung als %1</translation>
    </message>
    <message>
        <source>certificate sign-in</source>
        <translation>Zertifikatsanmeldung</translation>
    </message>
    <message>
        <source>token sign-in</source>
        <translation>Token-Anmeldung</translation>
    </message>
</context>
<context>
    <name>anadesk::ProfileStore</name>
    <message>
        <source>There is no connection profile &apos;%1&apos;: no profiles are saved yet</source>
        <translation>Es gibt kein Verbindungsprofil „%1“: es sind noch keine Profile gespeichert</translation>
    </message>
    <message>
        <source>There is no connection profile &apos;%1&apos;; saved profiles: %2</source>
        <translation>Es gibt kein Verbindungsprofil „%1“; gespeicherte Profile: %2</translation>
    </message>
    <message>
        <source>More than one connection profile is called &apos;%1&apos;; use its id instead</source>
        <translation>Mehrere Verbindungsprofile heißen „%1“; verwenden Sie stattdessen die ID</translation>
    </message>
    <message>
        <source>Another connection profile is already called &apos;%1&apos;; choose another name</source>
        <translation>Ein anderes Verbindungsprofil heißt bereits „%1“; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>The connection profile could not be saved: the settings file %1 cannot be written</source>
        <translation>Das Verbindungsprofil konnte nicht gespeichert werden: die Einstellungsdatei %1 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>There is no connection profile with id &apos;%1&apos;</source>
        <translation>Es gibt kein Verbindungsprofil mit der ID „%1“</translation>
    </message>
    <message>
        <source>Reload the list of profiles</source>
        <translation>Laden Sie die Profilliste neu</translation>
    </message>
    <message>
        <source>The connection profile could not be removed</source>
        <translation>Das Verbindungsprofil konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>Check that the settings file %1 is writable</source>
        <translation>Prüfen Sie, ob die Einstellungsdatei %1 beschreibbar ist</translation>
    </message>
    <message>
        <source>The profile was removed, but its saved secrets could not be deleted: %1</source>
        <translation>Das Profil wurde entfernt, aber seine gespeicherten Geheimnisse konnten nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>They will be deleted the next time the keychain can be used (remove orphaned secrets). %1</source>
        <translation>Sie werden gelöscht, sobald der Schlüsselbund wieder nutzbar ist (verwaiste Geheimnisse entfernen). %1</translation>
    </message>
    <message>
        <source>The profile was kept because its saved secrets could not be deleted: %1</source>
        <translation>Das Profil wurde behalten, weil seine gespeicherten Geheimnisse nicht gelöscht werden konnten: %1</translation>
    </message>
</context>
<context>
    <name>anadesk::ResetListIndexJob</name>
    <message>
        <source>Reset list index</source>
        <translation>Listenindex zurücksetzen</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
</context>
<context>
    <name>anadesk::ResolveJob</name>
    <message>
        <source>Find %1 &apos;%2&apos;</source>
        <translation>%1 „%2“ suchen</translation>
    </message>
    <message>
        <source>No %1 id or name given</source>
        <translation>Keine ID und kein Name für %1 angegeben</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
</context>
<context>
    <name>anadesk::RevisionListModel</name>
    <message>
        <source>%1 (latest)</source>
        <translation>%1 (letzte)</translation>
    </message>
    <message>
        <source>The model&apos;s latest revision: syncs into this model start from it.</source>
        <translation>Die letzte Revision des Modells: Synchronisierungen in dieses Modell beginnen bei ihr.</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>Angewendet von</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>anadesk::RowCounts</name>
    <message>
        <source>%1 succeeded, %2 failed, %3 ignored</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 ignoriert</translation>
    </message>
</context>
<context>
    <name>anadesk::SafeFileName</name>
    <message>
        <source>The folder &apos;%1&apos; does not exist. Choose an existing folder to save into.</source>
        <translation>Der Ordner „%1“ existiert nicht. Wählen Sie einen vorhandenen Ordner zum Speichern.</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; from the server would be saved outside &apos;%2&apos;; refusing it.</source>
        <translation>Der Name „%1“ vom Server würde außerhalb von „%2“ gespeichert; er wird abgelehnt.</translation>
    </message>
</context>
<context>
    <name>anadesk::SandboxLauncher</name>
    <message>
        <source>anadesk-sandbox did not report its address within %1 seconds; it was stopped. Its error output: %2</source>
        <translation>anadesk-sandbox hat seine Adresse nicht innerhalb von %1 Sekunden gemeldet; es wurde beendet. Seine Fehlerausgabe: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>anadesk-sandbox was not found (looked in: %1). Build it (target anadesk-sandbox) or set ANADESK_SANDBOX_BIN to its path.</source>
        <translation>anadesk-sandbox wurde nicht gefunden (gesucht in: %1). Bauen Sie es (Ziel anadesk-sandbox) oder setzen Sie ANADESK_SANDBOX_BIN auf seinen Pfad.</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>nirgends</translation>
    </message>
    <message>
        <source>anadesk-sandbox printed an address that cannot be used: %1</source>
        <translation>anadesk-sandbox hat eine unbrauchbare Adresse ausgegeben: %1</translation>
    </message>
    <message>
        <source>anadesk-sandbox could not be started (%1): %2</source>
        <translation>anadesk-sandbox konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>ist abgestürzt</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>anadesk-sandbox %1 before it was ready. Its error output: %2</source>
        <translation>anadesk-sandbox %1, bevor es bereit war. Seine Fehlerausgabe: %2</translation>
    </message>
    <message>
        <source>The sandbox %1; reconnect with &quot;Try the sandbox&quot;.</source>
        <translation>Die Sandbox %1; verbinden Sie sich erneut mit „Sandbox ausprobieren“.</translation>
    </message>
</context>
<context>
    <name>anadesk::SecretKind</name>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>private-key passphrase</source>
        <translation>Passphrase des privaten Schlüssels</translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <source>proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>anadesk::SecretPromptDialog</name>
    <message>
        <source>Sign In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; signs in as %2.</source>
        <translation>Die Verbindung „%1“ meldet sich als %2 an.</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; needs the following to sign in.</source>
        <translation>Die Verbindung „%1“ benötigt zum Anmelden Folgendes.</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign In Again to %1</source>
        <translation>Erneut bei %1 anmelden</translation>
    </message>
    <message>
        <source>The server no longer accepts the credentials of connection &apos;%1&apos;. Enter them again to continue; the interrupted work is then repeated once.</source>
        <translation>Der Server akzeptiert die Anmeldedaten der Verbindung „%1“ nicht mehr. Geben Sie sie erneut ein, um fortzufahren; die unterbrochene Arbeit wird dann einmal wiederholt.</translation>
    </message>
    <message>
        <source>Proxy Sign-In for %1</source>
        <translation>Proxy-Anmeldung für %1</translation>
    </message>
    <message>
        <source>The proxy of connection &apos;%1&apos; asks for a user name and password.</source>
        <translation>Der Proxy der Verbindung „%1“ verlangt einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>Proxy &amp;user:</source>
        <translation>Proxy-&amp;Benutzer:</translation>
    </message>
</context>
<context>
    <name>anadesk::SessionController</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>%1 Retry, or enter the secret for this session only.</source>
        <translation>%1 Versuchen Sie es erneut oder geben Sie das Geheimnis nur für diese Sitzung ein.</translation>
    </message>
    <message>
        <source>Enter the credentials of %1.</source>
        <translation>Geben Sie die Anmeldedaten für %1 ein.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2 (%n workspace(s))</source>
        <translation>
            <numerusform>Verbunden mit %1 als %2 (%n Arbeitsbereich)</numerusform>
            <numerusform>Verbunden mit %1 als %2 (%n Arbeitsbereiche)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Starting anadesk-sandbox on this computer…</source>
        <translation>anadesk-sandbox wird auf diesem Computer gestartet…</translation>
    </message>
    <message>
        <source>The proxy answered 407 (Proxy Authentication Required).</source>
        <translation>Der Proxy antwortete mit 407 (Proxy-Authentifizierung erforderlich).</translation>
    </message>
    <message>
        <source>The proxy of %1 asks for a user name and password.</source>
        <translation>Der Proxy von %1 verlangt einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>The server no longer accepts the credentials of %1: %2 Enter them again to continue.</source>
        <translation>Der Server akzeptiert die Anmeldedaten von %1 nicht mehr: %2 Geben Sie sie erneut ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>The server does not accept the credentials of %1: %2 Use Sign In Again or edit the connection; the interrupted work was not repeated.</source>
        <translation>Der Server akzeptiert die Anmeldedaten von %1 nicht: %2 Verwenden Sie „Erneut anmelden“ oder bearbeiten Sie die Verbindung; die unterbrochene Arbeit wurde nicht wiederholt.</translation>
    </message>
    <message>
        <source>Signing in again to %1…</source>
        <translation>Erneute Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Signed in again to %1; the interrupted work was repeated.</source>
        <translation>Erneut bei %1 angemeldet; die unterbrochene Arbeit wurde wiederholt.</translation>
    </message>
    <message>
        <source>Sign-in to %1 cancelled: the interrupted work failed. Use Sign In Again to continue.</source>
        <translation>Anmeldung bei %1 abgebrochen: Die unterbrochene Arbeit ist fehlgeschlagen. Verwenden Sie „Erneut anmelden“, um fortzufahren.</translation>
    </message>
    <message>
        <source>Proxy sign-in for %1 cancelled: the interrupted work failed. Use Sign In Again to continue.</source>
        <translation>Proxy-Anmeldung für %1 abgebrochen: Die unterbrochene Arbeit ist fehlgeschlagen. Verwenden Sie „Erneut anmelden“, um fortzufahren.</translation>
    </message>
    <message>
        <source>The proxy of %1 no longer accepts its user name and password (HTTP 407). Enter them again to continue.</source>
        <translation>Der Proxy von %1 akzeptiert seinen Benutzernamen und sein Passwort nicht mehr (HTTP 407). Geben Sie sie erneut ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>The proxy answered 407 (Proxy Authentication Required) during the session: its user name or password may have changed.</source>
        <translation>Der Proxy antwortete während der Sitzung mit 407 (Proxy-Authentifizierung erforderlich): Sein Benutzername oder Passwort hat sich möglicherweise geändert.</translation>
    </message>
    <message>
        <source>Trying the proxy of %1 again…</source>
        <translation>Der Proxy von %1 wird erneut versucht…</translation>
    </message>
    <message>
        <source>The proxy of %1 accepts the new credentials; the interrupted work was repeated.</source>
        <translation>Der Proxy von %1 akzeptiert die neuen Anmeldedaten; die unterbrochene Arbeit wurde wiederholt.</translation>
    </message>
    <message>
        <source>The proxy of %1 accepts the new credentials.</source>
        <translation>Der Proxy von %1 akzeptiert die neuen Anmeldedaten.</translation>
    </message>
    <message>
        <source>The proxy of %1 does not accept the user name and password either: %2 Use Sign In Again or edit the connection; the interrupted work was not repeated.</source>
        <translation>Der Proxy von %1 akzeptiert auch diesen Benutzernamen und dieses Passwort nicht: %2 Verwenden Sie „Erneut anmelden“ oder bearbeiten Sie die Verbindung; die unterbrochene Arbeit wurde nicht wiederholt.</translation>
    </message>
    <message>
        <source>The proxy of %1 does not accept the user name and password either: %2 Use Sign In Again or edit the connection.</source>
        <translation>Der Proxy von %1 akzeptiert auch diesen Benutzernamen und dieses Passwort nicht: %2 Verwenden Sie „Erneut anmelden“ oder bearbeiten Sie die Verbindung.</translation>
    </message>
</context>
<context>
    <name>anadesk::SetFiscalYearJob</name>
    <message>
        <source>Set current fiscal year</source>
        <translation>Aktuelles Geschäftsjahr festlegen</translation>
    </message>
    <message>
        <source>No fiscal year given</source>
        <translation>Kein Geschäftsjahr angegeben</translation>
    </message>
    <message>
        <source>Give the year as the model&apos;s calendar names it, for example FY24.</source>
        <translation>Geben Sie das Jahr so an, wie der Kalender des Modells es benennt, zum Beispiel FY24.</translation>
    </message>
    <message>
        <source>no &apos;modelCalendar.fiscalYear&apos; object</source>
        <translation>kein „modelCalendar.fiscalYear“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::SetOnlineStatusJob</name>
    <message>
        <source>Set model online</source>
        <translation>Modell online schalten</translation>
    </message>
    <message>
        <source>Set model offline</source>
        <translation>Modell offline schalten</translation>
    </message>
</context>
<context>
    <name>anadesk::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a request may stay silent before it is abandoned (and retried).</source>
        <translation>Wie lange eine Anfrage ohne Daten bleiben darf, bevor sie aufgegeben (und wiederholt) wird.</translation>
    </message>
    <message>
        <source>Attempts for requests that can safely be repeated (at least one is always made).</source>
        <translation>Versuche für Anfragen, die gefahrlos wiederholt werden können (mindestens einer wird immer unternommen).</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>zlib level of uploaded chunks: 0 stores, 1 is fastest, 9 is smallest.</source>
        <translation>zlib-Stufe hochgeladener Chunks: 0 speichert unkomprimiert, 1 ist am schnellsten, 9 am kleinsten.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>First &amp;back-off:</source>
        <translation>&amp;Erste Wartezeit:</translation>
    </message>
    <message>
        <source>Back-off &amp;factor:</source>
        <translation>Warte&amp;faktor:</translation>
    </message>
    <message>
        <source>&amp;Longest back-off:</source>
        <translation>&amp;Längste Wartezeit:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Upload &amp;chunk size:</source>
        <translation>&amp;Chunk-Größe beim Hochladen:</translation>
    </message>
    <message>
        <source>Co&amp;mpression level:</source>
        <translation>Ko&amp;mprimierungsstufe:</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des Systems verwenden</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Manual proxy</source>
        <translation>Manueller Proxy</translation>
    </message>
    <message>
        <source>proxy.company.com</source>
        <translation>proxy.firma.de</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Proxy (for connections set to the application proxy)</source>
        <translation>Proxy (für Verbindungen, die den Programm-Proxy verwenden)</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>A proxy that needs a password is set per connection in the connection manager; its password is kept in the system keychain.</source>
        <translation>Ein Proxy mit Passwort wird pro Verbindung in der Verbindungsverwaltung eingestellt; sein Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>Stan&amp;dardwerte</translation>
    </message>
    <message>
        <source>Task poll dela&amp;y:</source>
        <translation>Abfrage&amp;intervall für Aufgaben:</translation>
    </message>
</context>
<context>
    <name>anadesk::StartTaskJob</name>
    <message>
        <source>Start task</source>
        <translation>Aufgabe starten</translation>
    </message>
    <message>
        <source>no task id in the answer</source>
        <translation>keine Aufgaben-ID in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::StateDisplay</name>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Production (maintenance)</source>
        <translation>Produktion (Wartung)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Archived: the model is offline; its files, imports and exports cannot be used until a workspace administrator unarchives it in Anaplan.</source>
        <translation>Archiviert: Das Modell ist offline; seine Dateien, Importe und Exporte sind erst nutzbar, wenn ein Arbeitsbereichsadministrator es in Anaplan aus dem Archiv holt.</translation>
    </message>
    <message>
        <source>Locked: its objects can be listed, but uploads, file deletions and runs are refused until the model is unlocked in Anaplan.</source>
        <translation>Gesperrt: seine Objekte können aufgelistet werden, aber Uploads, Dateilöschungen und Ausführungen werden abgelehnt, bis das Modell in Anaplan entsperrt ist.</translation>
    </message>
    <message>
        <source>In maintenance: end users cannot use the model; administrators can.</source>
        <translation>In Wartung: Endbenutzer können das Modell nicht verwenden, Administratoren schon.</translation>
    </message>
    <message>
        <source>Production model (deployed through ALM).</source>
        <translation>Produktionsmodell (über ALM bereitgestellt).</translation>
    </message>
    <message>
        <source>Unlocked: available for use and changes.</source>
        <translation>Entsperrt: für Nutzung und Änderungen verfügbar.</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Aktiv.</translation>
    </message>
    <message>
        <source>State not known to this version of Anadesk.</source>
        <translation>Zustand ist dieser Anadesk-Version unbekannt.</translation>
    </message>
</context>
<context>
    <name>anadesk::SummaryTableModel</name>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>Zeilenelemente</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskHistoryDialog</name>
    <message>
        <source>Task history — %1</source>
        <translation>Aufgabenverlauf — %1</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Result of the selected task</source>
        <translation>Ergebnis der ausgewählten Aufgabe</translation>
    </message>
    <message>
        <source>Select a task to see its result.</source>
        <translation>Wählen Sie eine Aufgabe aus, um ihr Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading the task history…</source>
        <translation>Aufgabenverlauf wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) listed by Anaplan.</source>
        <translation>
            <numerusform>%n Aufgabe von Anaplan aufgelistet.</numerusform>
            <numerusform>%n Aufgaben von Anaplan aufgelistet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing the tasks</source>
        <translation>Auflisten der Aufgaben</translation>
    </message>
    <message>
        <source>Loading task %1…</source>
        <translation>Aufgabe %1 wird geladen…</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>Schritt: %1</translation>
    </message>
    <message>
        <source>Result: successful</source>
        <translation>Ergebnis: erfolgreich</translation>
    </message>
    <message>
        <source>Result: failed</source>
        <translation>Ergebnis: fehlgeschlagen</translation>
    </message>
    <message>
        <source>A failure dump was available (it is kept only for the latest run).</source>
        <translation>Es war ein Fehler-Dump verfügbar (er wird nur für die letzte Ausführung aufbewahrt).</translation>
    </message>
    <message>
        <source>Reading task %1</source>
        <translation>Lesen der Aufgabe %1</translation>
    </message>
    <message>
        <source>The connection to Anaplan was closed. Connect again to see the task history.</source>
        <translation>Die Verbindung zu Anaplan wurde geschlossen. Verbinden Sie sich erneut, um den Aufgabenverlauf zu sehen.</translation>
    </message>
    <message>
        <source>The connection to Anaplan was closed.</source>
        <translation>Die Verbindung zu Anaplan wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskHistoryModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskMonitor</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Tasks of this session</source>
        <translation>Aufgaben dieser Sitzung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected task (runs are cancelled on the server)</source>
        <translation>Die ausgewählte Aufgabe abbrechen (Ausführungen werden auf dem Server abgebrochen)</translation>
    </message>
    <message>
        <source>Failure &amp;dump</source>
        <translation>Fehler-&amp;Dump</translation>
    </message>
    <message>
        <source>Show the rows that failed</source>
        <translation>Die fehlgeschlagenen Zeilen anzeigen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show every task Anaplan lists for this action</source>
        <translation>Alle Aufgaben anzeigen, die Anaplan für diese Aktion auflistet</translation>
    </message>
    <message>
        <source>&amp;Save file…</source>
        <translation>Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the file this export wrote</source>
        <translation>Die von diesem Export geschriebene Datei speichern</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove finished tasks from the list</source>
        <translation>Beendete Aufgaben aus der Liste entfernen</translation>
    </message>
    <message>
        <source>%1 running · %2 finished</source>
        <translation>%1 laufend · %2 beendet</translation>
    </message>
    <message>
        <source>Fetching the failure dump</source>
        <translation>Abrufen des Fehler-Dumps</translation>
    </message>
    <message>
        <source>Failure dump</source>
        <translation>Fehler-Dump</translation>
    </message>
    <message>
        <source>Anaplan keeps a dump only for the latest run of an import, for 48 hours. Run the import again to get a new one.</source>
        <translation>Anaplan bewahrt einen Dump nur für die letzte Ausführung eines Imports auf, 48 Stunden lang. Führen Sie den Import erneut aus, um einen neuen zu erhalten.</translation>
    </message>
    <message>
        <source>Failure dump %1 %2.csv</source>
        <translation>Fehler-Dump %1 %2.csv</translation>
    </message>
    <message>
        <source>Save export file</source>
        <translation>Exportdatei speichern</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskMonitorModel</name>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Task id: %1</source>
        <translation>Aufgaben-ID: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen</numerusform>
            <numerusform>%n Vorkommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>failure dump available</source>
        <translation>Fehler-Dump verfügbar</translation>
    </message>
    <message>
        <source>%1 — failure dump available</source>
        <translation>%1 — Fehler-Dump verfügbar</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 min</translation>
    </message>
    <message>
        <source>%1:%2:%3 h</source>
        <translation>%1:%2:%3 h</translation>
    </message>
    <message>
        <source>Revision: %1 (%2) of %3</source>
        <translation>Revision: %1 (%2) von %3</translation>
    </message>
    <message>
        <source>Target revision: %1</source>
        <translation>Zielrevision: %1</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskRunner</name>
    <message>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>Select a workspace and a model first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich und ein Modell aus.</translation>
    </message>
    <message>
        <source>Use the id of an import (112…), export (116…), action (117…) or process (118…).</source>
        <translation>Verwenden Sie die ID eines Imports (112…), Exports (116…), einer Aktion (117…) oder eines Prozesses (118…).</translation>
    </message>
    <message>
        <source>Wait for %1</source>
        <translation>Auf %1 warten</translation>
    </message>
    <message>
        <source>No task id given</source>
        <translation>Keine Aufgaben-ID angegeben</translation>
    </message>
    <message>
        <source>%1 could not be started within %2 s</source>
        <translation>%1 konnte nicht innerhalb von %2 s gestartet werden</translation>
    </message>
    <message>
        <source>The model may be busy. Try again later.</source>
        <translation>Das Modell ist möglicherweise beschäftigt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The task did not finish within %1 s</source>
        <translation>Die Aufgabe wurde nicht innerhalb von %1 s beendet</translation>
    </message>
    <message>
        <source>It keeps running on the server: wait for it again, or cancel it on the server.</source>
        <translation>Sie läuft auf dem Server weiter: Warten Sie erneut darauf oder brechen Sie sie auf dem Server ab.</translation>
    </message>
    <message>
        <source>Cancelled before the task started</source>
        <translation>Abgebrochen, bevor die Aufgabe begann</translation>
    </message>
    <message>
        <source>The model stayed busy for %1 minutes. Try again when its current work has finished.</source>
        <translation>Das Modell war %1 Minuten lang beschäftigt. Versuchen Sie es erneut, wenn seine aktuelle Arbeit beendet ist.</translation>
    </message>
    <message>
        <source>The start request may have reached Anaplan. Check the task list of %1 before running it again.</source>
        <translation>Die Startanfrage hat Anaplan möglicherweise erreicht. Prüfen Sie die Aufgabenliste von %1, bevor Sie es erneut ausführen.</translation>
    </message>
    <message>
        <source>The start request may have reached Anaplan, and the task list could not be read to check (%1). Check the task list before running it again.</source>
        <translation>Die Startanfrage hat Anaplan möglicherweise erreicht, und die Aufgabenliste konnte zur Prüfung nicht gelesen werden (%1). Prüfen Sie die Aufgabenliste, bevor Sie es erneut ausführen.</translation>
    </message>
    <message numerus="yes">
        <source>Could not tell whether the action started: %n new task(s) appeared meanwhile</source>
        <translation>
            <numerusform>Es ließ sich nicht feststellen, ob die Aktion gestartet wurde: Inzwischen ist %n neue Aufgabe erschienen</numerusform>
            <numerusform>Es ließ sich nicht feststellen, ob die Aktion gestartet wurde: Inzwischen sind %n neue Aufgaben erschienen</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else may have started the same action. Check these tasks before running it again.</source>
        <translation>Möglicherweise hat jemand anderes dieselbe Aktion gestartet. Prüfen Sie diese Aufgaben, bevor Sie sie erneut ausführen.</translation>
    </message>
    <message numerus="yes">
        <source>The task was started, but its status could not be read %n time(s) in a row</source>
        <translation>
            <numerusform>Die Aufgabe wurde gestartet, aber ihr Status konnte %n-mal nicht gelesen werden</numerusform>
            <numerusform>Die Aufgabe wurde gestartet, aber ihr Status konnte %n-mal hintereinander nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>It may still be running on the server: check it later, or cancel it.</source>
        <translation>Sie läuft möglicherweise noch auf dem Server: Prüfen Sie sie später oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Task %1 reports an unknown state &apos;%2&apos;; waiting as if it were still running</source>
        <translation>Aufgabe %1 meldet einen unbekannten Zustand „%2“; es wird gewartet, als liefe sie noch</translation>
    </message>
    <message>
        <source>The server did not accept the cancel request: %1</source>
        <translation>Der Server hat die Abbruchanfrage nicht angenommen: %1</translation>
    </message>
    <message>
        <source>The task was cancelled</source>
        <translation>Die Aufgabe wurde abgebrochen</translation>
    </message>
    <message>
        <source>The task was cancelled on the server</source>
        <translation>Die Aufgabe wurde auf dem Server abgebrochen</translation>
    </message>
    <message>
        <source>Someone cancelled it in Anaplan; its changes were rolled back.</source>
        <translation>Jemand hat sie in Anaplan abgebrochen; ihre Änderungen wurden zurückgenommen.</translation>
    </message>
    <message>
        <source>The task completed without a result</source>
        <translation>Die Aufgabe wurde ohne Ergebnis beendet</translation>
    </message>
    <message>
        <source>%1 finished with errors</source>
        <translation>%1 wurde mit Fehlern beendet</translation>
    </message>
    <message>
        <source>The failure dump lists the rejected rows and why.</source>
        <translation>Der Fehler-Dump listet die abgelehnten Zeilen und die Gründe auf.</translation>
    </message>
    <message>
        <source>The failure dump is no longer available; run the action again to get a new one.</source>
        <translation>Der Fehler-Dump ist nicht mehr verfügbar; führen Sie die Aktion erneut aus, um einen neuen zu erhalten.</translation>
    </message>
    <message>
        <source>Download the failure dump to see the rejected rows.</source>
        <translation>Laden Sie den Fehler-Dump herunter, um die abgelehnten Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Check the action&apos;s mapping and source data in Anaplan.</source>
        <translation>Prüfen Sie die Zuordnung und die Quelldaten der Aktion in Anaplan.</translation>
    </message>
</context>
<context>
    <name>anadesk::TaskTracker</name>
    <message>
        <source>Import &apos;%1&apos;</source>
        <translation>Import „%1“</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos;</source>
        <translation>Export „%1“</translation>
    </message>
    <message>
        <source>Action &apos;%1&apos;</source>
        <translation>Aktion „%1“</translation>
    </message>
    <message>
        <source>Process &apos;%1&apos;</source>
        <translation>Prozess „%1“</translation>
    </message>
    <message>
        <source>Run &apos;%1&apos;</source>
        <translation>„%1“ ausführen</translation>
    </message>
    <message>
        <source>Upload to &apos;%1&apos;</source>
        <translation>Upload nach „%1“</translation>
    </message>
    <message>
        <source>Download of &apos;%1&apos;</source>
        <translation>Download von „%1“</translation>
    </message>
    <message>
        <source>Export &apos;%1&apos; and save</source>
        <translation>„%1“ exportieren und speichern</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>%1 hochgeladen</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Downloading %1 of %2</source>
        <translation>%1 von %2 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Model busy; trying again in %1 s</source>
        <translation>Modell beschäftigt; neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Model busy (%1); trying again in %2 s</source>
        <translation>Modell beschäftigt (%1); neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>%1 of %2 (chunk %3 of %4)</source>
        <translation>%1 von %2 (Chunk %3 von %4)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped because the connection was closed. A task already started on the server may still run there; see its task history after reconnecting.</source>
        <translation>Angehalten, weil die Verbindung geschlossen wurde. Eine auf dem Server bereits gestartete Aufgabe läuft dort möglicherweise weiter; sehen Sie nach dem erneuten Verbinden in ihren Aufgabenverlauf.</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>No longer followed</source>
        <translation>Nicht mehr verfolgt</translation>
    </message>
    <message>
        <source>No longer followed because the connection was closed. The task goes on in Anaplan; see the model&apos;s revisions after reconnecting.</source>
        <translation>Nicht mehr verfolgt, weil die Verbindung geschlossen wurde. Die Aufgabe läuft in Anaplan weiter; prüfen Sie die Revisionen des Modells nach dem erneuten Verbinden.</translation>
    </message>
    <message>
        <source>Anaplan&apos;s ALM API has no cancel for syncs and comparisons: the task runs to its end in Anaplan. The ALM tab&apos;s &quot;Stop following&quot; only stops watching it.</source>
        <translation>Die ALM-API von Anaplan kann Synchronisierungen und Vergleiche nicht abbrechen: Die Aufgabe läuft in Anaplan bis zu ihrem Ende. „Nicht mehr verfolgen“ im ALM-Tab beendet nur die Beobachtung.</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Bericht wird geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n byte(s) generated; writing it to %1</source>
        <translation>
            <numerusform>Bericht mit %n Byte erstellt; er wird nach %1 geschrieben</numerusform>
            <numerusform>Bericht mit %n Bytes erstellt; er wird nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced revision &apos;%1&apos; of %2 into %3</source>
        <translation>Revision „%1“ von %2 in %3 synchronisiert</translation>
    </message>
    <message>
        <source>%1 created, %2 modified, %3 deleted</source>
        <translation>%1 erstellt, %2 geändert, %3 gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Report generated (%n byte(s))</source>
        <translation>
            <numerusform>Bericht erstellt (%n Byte)</numerusform>
            <numerusform>Bericht erstellt (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>No longer followed; the task may still run in Anaplan.</source>
        <translation>Nicht mehr verfolgt; die Aufgabe läuft in Anaplan möglicherweise weiter.</translation>
    </message>
    <message>
        <source>No longer followed; task %1 goes on in Anaplan.</source>
        <translation>Nicht mehr verfolgt; Aufgabe %1 läuft in Anaplan weiter.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
</context>
<context>
    <name>anadesk::TokenAuthenticator</name>
    <message>
        <source>the given token</source>
        <translation>das angegebene Token</translation>
    </message>
    <message>
        <source>No token was given</source>
        <translation>Es wurde kein Token angegeben</translation>
    </message>
    <message>
        <source>Enter a token or sign in.</source>
        <translation>Geben Sie ein Token ein oder melden Sie sich an.</translation>
    </message>
</context>
<context>
    <name>anadesk::TokenKeeper</name>
    <message>
        <source>Anaplan refused the token (HTTP 401)</source>
        <translation>Anaplan hat das Token abgelehnt (HTTP 401)</translation>
    </message>
    <message>
        <source>The token has expired or was revoked: sign in again or enter a new token.</source>
        <translation>Das Token ist abgelaufen oder wurde widerrufen: melden Sie sich erneut an oder geben Sie ein neues Token ein.</translation>
    </message>
    <message>
        <source>The sign-in produced no token</source>
        <translation>Die Anmeldung hat kein Token ergeben</translation>
    </message>
    <message>
        <source>token refresh</source>
        <translation>Token-Erneuerung</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign in first (user and password, certificate, or token).</source>
        <translation>Melden Sie sich zuerst an (Benutzer und Passwort, Zertifikat oder Token).</translation>
    </message>
</context>
<context>
    <name>anadesk::TransferJob</name>
    <message>
        <source>Transfer cancelled</source>
        <translation>Übertragung abgebrochen</translation>
    </message>
    <message>
        <source>Nothing more was sent. Start the transfer again to finish it.</source>
        <translation>Es wurde nichts mehr gesendet. Starten Sie die Übertragung erneut, um sie abzuschließen.</translation>
    </message>
    <message>
        <source>No connection was given for the transfer</source>
        <translation>Für die Übertragung wurde keine Verbindung angegeben</translation>
    </message>
    <message>
        <source>The workspace, model or file id is missing</source>
        <translation>Die Arbeitsbereichs-, Modell- oder Datei-ID fehlt</translation>
    </message>
    <message>
        <source>Choose a workspace and a model, and give the file id.</source>
        <translation>Wählen Sie einen Arbeitsbereich und ein Modell und geben Sie die Datei-ID an.</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>file %1 &apos;%2&apos;</source>
        <translation>Datei %1 „%2“</translation>
    </message>
</context>
<context>
    <name>anadesk::TransferManifest</name>
    <message>
        <source>unknown manifest version</source>
        <translation>unbekannte Manifest-Version</translation>
    </message>
    <message>
        <source>malformed chunk record</source>
        <translation>fehlerhafter Chunk-Eintrag</translation>
    </message>
    <message>
        <source>manifest file is unexpectedly large</source>
        <translation>Manifest-Datei ist unerwartet groß</translation>
    </message>
</context>
<context>
    <name>anadesk::TransfersController</name>
    <message>
        <source>&amp;Task monitor</source>
        <translation>&amp;Aufgabenmonitor</translation>
    </message>
    <message>
        <source>T&amp;ransfers</source>
        <translation>Ü&amp;bertragungen</translation>
    </message>
    <message>
        <source>&amp;Upload files to the selected file…</source>
        <translation>Dateien in die ausgewählte Datei &amp;hochladen…</translation>
    </message>
    <message>
        <source>&amp;Download the selected files…</source>
        <translation>Ausgewählte Dateien herunter&amp;laden…</translation>
    </message>
    <message>
        <source>Run the selected &amp;export and save…</source>
        <translation>Ausgewählten &amp;Export ausführen und speichern…</translation>
    </message>
    <message>
        <source>Task &amp;history of the selected action…</source>
        <translation>Aufgaben&amp;verlauf der ausgewählten Aktion…</translation>
    </message>
    <message>
        <source>Run &apos;%1&apos; and save its file as</source>
        <translation>„%1“ ausführen und seine Datei speichern unter</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save &apos;%1&apos; as</source>
        <translation>„%1“ speichern unter</translation>
    </message>
    <message>
        <source>Upload files to the model</source>
        <translation>Dateien in das Modell hochladen</translation>
    </message>
    <message>
        <source>Delimited text (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Text mit Trennzeichen (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Save %n file(s) into</source>
        <translation>
            <numerusform>%n Datei speichern in</numerusform>
            <numerusform>%n Dateien speichern in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::TransportReply</name>
    <message>
        <source>The request address is not a valid URL</source>
        <translation>Die Anfrageadresse ist keine gültige URL</translation>
    </message>
    <message>
        <source>Check the configured hosts (region) of the connection.</source>
        <translation>Prüfen Sie die konfigurierten Hosts (Region) der Verbindung.</translation>
    </message>
    <message>
        <source>no network access manager</source>
        <translation>kein Netzwerkzugriffsmanager</translation>
    </message>
    <message>
        <source>The request may or may not have been carried out by the server; it was not re-sent automatically. Check its result before trying again.</source>
        <translation>Die Anfrage wurde vom Server möglicherweise ausgeführt; sie wurde nicht automatisch erneut gesendet. Prüfen Sie ihr Ergebnis, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The request failed for an unknown reason</source>
        <translation>Die Anfrage ist aus unbekanntem Grund fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadAndImportJob</name>
    <message>
        <source>Upload and import %1</source>
        <translation>%1 hochladen und importieren</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the id of an import, export, action or process</source>
        <translation>„%1“ ist nicht die ID eines Imports, Exports, einer Aktion oder eines Prozesses</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadFileJob</name>
    <message>
        <source>Upload to %1</source>
        <translation>Nach %1 hochladen</translation>
    </message>
    <message>
        <source>data in memory</source>
        <translation>Daten im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Upload %1 to %2</source>
        <translation>%1 nach %2 hochladen</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadJob</name>
    <message>
        <source>Compressing a chunk failed</source>
        <translation>Das Komprimieren eines Chunks ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an import file id</source>
        <translation>„%1“ ist keine Importdatei-ID</translation>
    </message>
    <message>
        <source>Import files have 12-digit ids starting with 113. Pick the file from the model&apos;s file list.</source>
        <translation>Importdateien haben 12-stellige IDs, die mit 113 beginnen. Wählen Sie die Datei aus der Dateiliste des Modells.</translation>
    </message>
    <message>
        <source>The data source &apos;%1&apos; is not open for random-access reading</source>
        <translation>Die Datenquelle „%1“ ist nicht für wahlfreies Lesen geöffnet</translation>
    </message>
    <message>
        <source>Open it for reading, or upload it as a stream.</source>
        <translation>Öffnen Sie sie zum Lesen oder laden Sie sie als Datenstrom hoch.</translation>
    </message>
    <message>
        <source>No file to upload was given</source>
        <translation>Es wurde keine hochzuladende Datei angegeben</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;</source>
        <translation>„%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Prüfen Sie, ob die Datei existiert und Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>Planning chunks</source>
        <translation>Chunks werden geplant</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>read %1 of %2 bytes: %3</source>
        <translation>%1 von %2 Bytes gelesen: %3</translation>
    </message>
    <message>
        <source>Reading chunk %1 from &apos;%2&apos; failed: %3</source>
        <translation>Lesen von Chunk %1 aus „%2“ fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was modified while it was being uploaded</source>
        <translation>„%1“ wurde während des Hochladens geändert</translation>
    </message>
    <message>
        <source>The upload was stopped and not completed. Upload the file again once it is no longer being written.</source>
        <translation>Das Hochladen wurde angehalten und nicht abgeschlossen. Laden Sie die Datei erneut hoch, sobald nicht mehr in sie geschrieben wird.</translation>
    </message>
    <message>
        <source>Reading chunk %1 of &apos;%2&apos; failed (%3 of %4 bytes): %5</source>
        <translation>Lesen von Chunk %1 aus „%2“ fehlgeschlagen (%3 von %4 Bytes): %5</translation>
    </message>
    <message>
        <source>The server may hold a mix of old and new data: upload the file again before running an import on it.</source>
        <translation>Der Server enthält möglicherweise eine Mischung aus alten und neuen Daten: laden Sie die Datei erneut hoch, bevor Sie einen Import darauf ausführen.</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadJobBase</name>
    <message>
        <source>Setting the chunk count</source>
        <translation>Chunk-Anzahl wird gesetzt</translation>
    </message>
    <message>
        <source>Preparing the upload (setting the chunk count) failed</source>
        <translation>Die Vorbereitung des Hochladens (Setzen der Chunk-Anzahl) ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check the workspace, model and file ids, and that you can see the model.</source>
        <translation>Prüfen Sie Arbeitsbereichs-, Modell- und Datei-ID und ob Sie das Modell sehen können.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the chunk count has no file object</source>
        <translation>Die Antwort des Servers auf die Chunk-Anzahl enthält kein Dateiobjekt</translation>
    </message>
    <message>
        <source>File %1 does not exist in the model; Anaplan created a new file %2 instead</source>
        <translation>Datei %1 existiert im Modell nicht; Anaplan hat stattdessen eine neue Datei %2 angelegt</translation>
    </message>
    <message>
        <source>Nothing was uploaded. Check the file id, and ask a model builder to remove the stray file %1 (&apos;%2&apos;) from the model (or allow file creation to upload into it).</source>
        <translation>Es wurde nichts hochgeladen. Prüfen Sie die Datei-ID und bitten Sie einen Model Builder, die überzählige Datei %1 („%2“) aus dem Modell zu entfernen (oder erlauben Sie das Anlegen von Dateien, um in sie hochzuladen).</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Upload of chunk %1 failed</source>
        <translation>Hochladen von Chunk %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Verifying chunks</source>
        <translation>Chunks werden geprüft</translation>
    </message>
    <message>
        <source>Verifying the uploaded chunks failed: %1</source>
        <translation>Die Prüfung der hochgeladenen Chunks ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server lists %1 chunk(s) that were not uploaded (%2)</source>
        <translation>Der Server listet %1 Chunk(s), die nicht hochgeladen wurden (%2)</translation>
    </message>
    <message>
        <source>The file on the server would not match the local data. Upload it again.</source>
        <translation>Die Datei auf dem Server würde nicht zu den lokalen Daten passen. Laden Sie sie erneut hoch.</translation>
    </message>
    <message>
        <source>The server still lacks chunk(s) %1 after they were sent again</source>
        <translation>Dem Server fehlen Chunk(s) %1 auch nach erneutem Senden</translation>
    </message>
    <message>
        <source>The upload is incomplete and was not completed. Try again later; if this repeats, contact Anaplan support.</source>
        <translation>Das Hochladen ist unvollständig und wurde nicht abgeschlossen. Versuchen Sie es später erneut; wenn es sich wiederholt, wenden Sie sich an den Anaplan-Support.</translation>
    </message>
    <message>
        <source>The server lacks chunk(s) %1 of this streamed upload</source>
        <translation>Dem Server fehlen Chunk(s) %1 dieses gestreamten Uploads</translation>
    </message>
    <message>
        <source>A streamed upload cannot be re-sent from its source; the upload was not completed. Run it again.</source>
        <translation>Ein gestreamter Upload kann nicht erneut aus seiner Quelle gesendet werden; das Hochladen wurde nicht abgeschlossen. Führen Sie es erneut aus.</translation>
    </message>
    <message numerus="yes">
        <source>Re-sending %n missing chunk(s)</source>
        <translation>
            <numerusform>%n fehlender Chunk wird erneut gesendet</numerusform>
            <numerusform>%n fehlende Chunks werden erneut gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Completing the upload</source>
        <translation>Hochladen wird abgeschlossen</translation>
    </message>
    <message>
        <source>Completing the upload failed</source>
        <translation>Das Abschließen des Hochladens ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>All chunks were sent, but the server did not confirm the upload. Upload the file again before running an import on it.</source>
        <translation>Alle Chunks wurden gesendet, aber der Server hat das Hochladen nicht bestätigt. Laden Sie die Datei erneut hoch, bevor Sie einen Import darauf ausführen.</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadPreviewTab</name>
    <message>
        <source>Model file to upload to</source>
        <translation>Modelldatei, in die hochgeladen wird</translation>
    </message>
    <message>
        <source>Choose a file of the model…</source>
        <translation>Wählen Sie eine Datei des Modells…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>First rows of %1</source>
        <translation>Erste Zeilen von %1</translation>
    </message>
    <message>
        <source>Local file:</source>
        <translation>Lokale Datei:</translation>
    </message>
    <message>
        <source>&amp;Upload to:</source>
        <translation>&amp;Hochladen nach:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Gelesen als:</translation>
    </message>
    <message>
        <source>%1 (no file chosen yet)</source>
        <translation>%1 (noch keine Datei gewählt)</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>Die ersten Zeilen werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>First %n row(s) of the file.</source>
        <translation>
            <numerusform>Die erste %n Zeile der Datei.</numerusform>
            <numerusform>Die ersten %n Zeilen der Datei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the file.</source>
        <translation>
            <numerusform>Die gesamte Datei: %n Zeile.</numerusform>
            <numerusform>Die gesamte Datei: %n Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s).</source>
        <translation>
            <numerusform>%n Spalte.</numerusform>
            <numerusform>%n Spalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anadesk::UploadStreamFileJob</name>
    <message>
        <source>Upload to %1</source>
        <translation>Nach %1 hochladen</translation>
    </message>
</context>
<context>
    <name>anadesk::UploadStreamJob</name>
    <message>
        <source>&apos;%1&apos; is not an import file id</source>
        <translation>„%1“ ist keine Importdatei-ID</translation>
    </message>
    <message>
        <source>Import files have 12-digit ids starting with 113.</source>
        <translation>Importdateien haben 12-stellige IDs, die mit 113 beginnen.</translation>
    </message>
    <message>
        <source>A chunk of %1 bytes is larger than Anaplan&apos;s limit of %2 bytes</source>
        <translation>Ein Chunk mit %1 Bytes ist größer als Anaplans Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>More than %1 chunks were given; Anaplan accepts at most %1 per file</source>
        <translation>Es wurden mehr als %1 Chunks angegeben; Anaplan akzeptiert höchstens %1 pro Datei</translation>
    </message>
    <message>
        <source>Nothing was completed on the server. Send larger (≤ 50 MB) chunks.</source>
        <translation>Auf dem Server wurde nichts abgeschlossen. Senden Sie größere Chunks (≤ 50 MB).</translation>
    </message>
</context>
<context>
    <name>anadesk::UserDetailsPanel</name>
    <message>
        <source>Workspaces the user may access</source>
        <translation>Arbeitsbereiche, auf die der Benutzer zugreifen darf</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>External id:</source>
        <translation>Externe ID:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Last modified:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
    <message>
        <source>Workspace access:</source>
        <translation>Zugriff auf Arbeitsbereiche:</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Kein Benutzer ausgewählt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive (cannot sign in)</source>
        <translation>Inaktiv (kann sich nicht anmelden)</translation>
    </message>
    <message>
        <source>%1 (primary)</source>
        <translation>%1 (primär)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No workspace: the user cannot open any model.</source>
        <translation>Kein Arbeitsbereich: Der Benutzer kann kein Modell öffnen.</translation>
    </message>
</context>
<context>
    <name>anadesk::UserEditDialog</name>
    <message>
        <source>&amp;Active (may sign in)</source>
        <translation>&amp;Aktiv (darf sich anmelden)</translation>
    </message>
    <message>
        <source>Edit User %1</source>
        <translation>Benutzer %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>optional, e.g. an employee number</source>
        <translation>optional, z. B. eine Personalnummer</translation>
    </message>
    <message>
        <source>Workspaces the user may access</source>
        <translation>Arbeitsbereiche, auf die der Benutzer zugreifen darf</translation>
    </message>
    <message>
        <source>Loading the workspaces…</source>
        <translation>Arbeitsbereiche werden geladen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;User name (e-mail):</source>
        <translation>Ben&amp;utzername (E-Mail):</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>E&amp;xternal id:</source>
        <translation>E&amp;xterne ID:</translation>
    </message>
    <message>
        <source>&amp;Workspaces:</source>
        <translation>Arbeits&amp;bereiche:</translation>
    </message>
    <message>
        <source>The user name cannot change once the user exists.</source>
        <translation>Der Benutzername kann nicht mehr geändert werden, sobald der Benutzer existiert.</translation>
    </message>
    <message>
        <source>%1 (not visible to you)</source>
        <translation>%1 (für Sie nicht sichtbar)</translation>
    </message>
    <message>
        <source>Ticked workspaces are sent with the change; the user keeps exactly these.</source>
        <translation>Die angekreuzten Arbeitsbereiche werden mit der Änderung gesendet; der Benutzer behält genau diese.</translation>
    </message>
    <message>
        <source>Tick the workspaces the new user may access.</source>
        <translation>Kreuzen Sie die Arbeitsbereiche an, auf die der neue Benutzer zugreifen darf.</translation>
    </message>
    <message>
        <source>What to do: fill in the fields named.</source>
        <translation>Was zu tun ist: Füllen Sie die genannten Felder aus.</translation>
    </message>
    <message>
        <source>The user name must be the user&apos;s e-mail address. What to do: enter an address like name@example.com.</source>
        <translation>Der Benutzername muss die E-Mail-Adresse des Benutzers sein. Was zu tun ist: Geben Sie eine Adresse wie name@example.com ein.</translation>
    </message>
    <message>
        <source>Remove Every Workspace</source>
        <translation>Alle Arbeitsbereiche entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%1 will lose access to all %n workspace(s).</source>
        <translation>
            <numerusform>%1 verliert den Zugriff auf %n Arbeitsbereich.</numerusform>
            <numerusform>%1 verliert den Zugriff auf alle %n Arbeitsbereiche.</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace is ticked. Save anyway?</source>
        <translation>Kein Arbeitsbereich ist angekreuzt. Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Not connected. What to do: connect again, then retry.</source>
        <translation>Nicht verbunden. Was zu tun ist: Verbinden Sie sich erneut und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Saving the user</source>
        <translation>Speichern des Benutzers</translation>
    </message>
    <message>
        <source>Adding the user</source>
        <translation>Hinzufügen des Benutzers</translation>
    </message>
</context>
<context>
    <name>anadesk::UserListModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>The user can sign in.</source>
        <translation>Der Benutzer kann sich anmelden.</translation>
    </message>
    <message>
        <source>The user is deactivated and cannot sign in.</source>
        <translation>Der Benutzer ist deaktiviert und kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>Workspaces this user may access (see the details panel).</source>
        <translation>Arbeitsbereiche, auf die dieser Benutzer zugreifen darf (siehe Detailbereich).</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>anadesk::UsersView</name>
    <message>
        <source>Ask your tenant administrator for the User Admin role; without it Anaplan does not show or change users.</source>
        <translation>Bitten Sie Ihren Mandantenadministrator um die Rolle „User Admin“; ohne sie zeigt oder ändert Anaplan keine Benutzer.</translation>
    </message>
    <message>
        <source>Correct the value the server named and try again.</source>
        <translation>Korrigieren Sie den vom Server genannten Wert und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A user with this user name exists already; search for it instead.</source>
        <translation>Ein Benutzer mit diesem Benutzernamen existiert bereits; suchen Sie stattdessen nach ihm.</translation>
    </message>
    <message>
        <source>&amp;Users (SCIM)</source>
        <translation>&amp;Benutzer (SCIM)</translation>
    </message>
    <message>
        <source>Listing users</source>
        <translation>Auflisten der Benutzer</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Filter on</source>
        <translation>Filtern nach</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family or given name</source>
        <translation>Nach- oder Vorname</translation>
    </message>
    <message>
        <source>How the text matches</source>
        <translation>Wie der Text passt</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>Filter users (Ctrl+F)</source>
        <translation>Benutzer filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Nach Zustand filtern</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Aktiv und inaktiv</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Nur aktive</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Nur inaktive</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Add a user to the tenant</source>
        <translation>Dem Mandanten einen Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected user&apos;s names, external id, state and workspaces</source>
        <translation>Namen, externe ID, Zustand und Arbeitsbereiche des ausgewählten Benutzers ändern</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Let the selected user sign in again</source>
        <translation>Den ausgewählten Benutzer wieder anmelden lassen</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <source>Stop the selected user from signing in (asks first)</source>
        <translation>Den ausgewählten Benutzer an der Anmeldung hindern (fragt vorher)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the users again</source>
        <translation>Die Benutzer erneut lesen</translation>
    </message>
    <message>
        <source>Filter users</source>
        <translation>Benutzer filtern</translation>
    </message>
    <message>
        <source>SCIM filter: none (every user)</source>
        <translation>SCIM-Filter: keiner (alle Benutzer)</translation>
    </message>
    <message>
        <source>SCIM filter: %1</source>
        <translation>SCIM-Filter: %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Reading users…</source>
        <translation>Benutzer werden gelesen…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 users</source>
        <translation>%1 von %2 Benutzern angezeigt</translation>
    </message>
    <message>
        <source>(reading more…)</source>
        <translation>(weitere werden gelesen…)</translation>
    </message>
    <message>
        <source>(scroll down for more)</source>
        <translation>(für weitere nach unten scrollen)</translation>
    </message>
    <message>
        <source>Added %1. It is listed at the end (or filter for it).</source>
        <translation>%1 hinzugefügt. Er steht am Ende der Liste (oder filtern Sie danach).</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Deactivate User</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate %1 (%2)?</source>
        <translation>%1 (%2) deaktivieren?</translation>
    </message>
    <message>
        <source>The user can no longer sign in. Workspace access is kept, so activating the user again restores everything.</source>
        <translation>Der Benutzer kann sich nicht mehr anmelden. Der Zugriff auf Arbeitsbereiche bleibt erhalten, sodass erneutes Aktivieren alles wiederherstellt.</translation>
    </message>
    <message>
        <source>Activating %1</source>
        <translation>Aktivieren von %1</translation>
    </message>
    <message>
        <source>Deactivating %1</source>
        <translation>Deaktivieren von %1</translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>%1 ist wieder aktiv.</translation>
    </message>
    <message>
        <source>%1 is deactivated.</source>
        <translation>%1 ist deaktiviert.</translation>
    </message>
</context>
<context>
    <name>anadesk::ViewDataJob</name>
    <message>
        <source>Read view data as JSON</source>
        <translation>Ansichtsdaten als JSON lesen</translation>
    </message>
    <message>
        <source>Read view data as CSV</source>
        <translation>Ansichtsdaten als CSV lesen</translation>
    </message>
    <message>
        <source>a page selector needs both a dimension id and an item id</source>
        <translation>eine Seitenauswahl benötigt sowohl eine Dimensions-ID als auch eine Element-ID</translation>
    </message>
    <message>
        <source>page selector &apos;%1:%2&apos; holds &apos;:&apos; or &apos;,&apos;</source>
        <translation>die Seitenauswahl „%1:%2“ enthält „:“ oder „,“</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Invalid page selector: %1</source>
        <translation>Ungültige Seitenauswahl: %1</translation>
    </message>
    <message>
        <source>Give pages as dimensionId:itemId pairs (ids from the view&apos;s metadata).</source>
        <translation>Geben Sie Seiten als Paare dimensionId:itemId an (IDs aus den Metadaten der Ansicht).</translation>
    </message>
    <message>
        <source>maxRows cannot be negative</source>
        <translation>maxRows darf nicht negativ sein</translation>
    </message>
    <message>
        <source>Check the page selectors and options; Anaplan also refuses reads over 1,000,000 cells: choose pages, or a smaller view.</source>
        <translation>Prüfen Sie Seitenauswahl und Optionen; Anaplan lehnt außerdem Lesevorgänge über 1.000.000 Zellen ab: Wählen Sie Seiten oder eine kleinere Ansicht.</translation>
    </message>
    <message>
        <source>%1: unexpected answer from the server (%2)</source>
        <translation>%1: unerwartete Antwort vom Server (%2)</translation>
    </message>
</context>
<context>
    <name>anadesk::WorkspaceTreeModel</name>
    <message>
        <source>%1 (loading models…)</source>
        <translation>%1 (Modelle werden geladen…)</translation>
    </message>
    <message>
        <source>%1 (models could not be listed)</source>
        <translation>%1 (Modelle konnten nicht aufgelistet werden)</translation>
    </message>
    <message>
        <source>Active workspace</source>
        <translation>Aktiver Arbeitsbereich</translation>
    </message>
    <message>
        <source>Inactive workspace</source>
        <translation>Inaktiver Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace %1 (%2)
Uses %3 of %4 (%5 %)</source>
        <translation>Arbeitsbereich %1 (%2)
Belegt %3 von %4 (%5 %)</translation>
    </message>
    <message>
        <source>Model %1 (%2)
State: %3
%4</source>
        <translation>Modell %1 (%2)
Zustand: %3
%4</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Size / memory</source>
        <translation>Größe / Speicher</translation>
    </message>
    <message>
        <source>Size allowance</source>
        <translation>Größenkontingent</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>anadesk::audit::AuditPagedJob</name>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>A page must hold at least one event, not %1</source>
        <translation>Eine Seite muss mindestens ein Ereignis enthalten, nicht %1</translation>
    </message>
    <message>
        <source>The audit answer has no &apos;response&apos; list of events</source>
        <translation>Die Audit-Antwort enthält keine „response“-Liste von Ereignissen</translation>
    </message>
    <message>
        <source>The server reported %1 events but sent none on the first page</source>
        <translation>Der Server meldete %1 Ereignisse, sendete auf der ersten Seite aber keine</translation>
    </message>
    <message>
        <source>The server reported %1 events in pages of %2: too many pages to read</source>
        <translation>Der Server meldete %1 Ereignisse in Seiten zu %2: zu viele Seiten zum Lesen</translation>
    </message>
    <message>
        <source>The event list changed while it was read (%1 events, then %2). Try again.</source>
        <translation>Die Ereignisliste hat sich beim Lesen geändert (%1 Ereignisse, dann %2). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Asked for the events at offset %1 but the server sent those at %2</source>
        <translation>Die Ereignisse ab Position %1 wurden angefordert, der Server sendete aber die ab %2</translation>
    </message>
    <message>
        <source>Event %1 appeared twice: the list changed while it was read. Try again.</source>
        <translation>Ereignis %1 kam zweimal vor: Die Liste hat sich beim Lesen geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The events at offset %1 were %2 where %3 were expected: the list changed or the server skipped events. Try again.</source>
        <translation>Ab Position %1 kamen %2 Ereignisse, erwartet waren %3: Die Liste hat sich geändert oder der Server hat Ereignisse übersprungen. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>anadesk::audit::EventQuery</name>
    <message>
        <source>A page must hold at least one event, not %1</source>
        <translation>Eine Seite muss mindestens ein Ereignis enthalten, nicht %1</translation>
    </message>
    <message>
        <source>A date range needs its start (dateFrom)</source>
        <translation>Ein Datumsbereich benötigt seinen Beginn (dateFrom)</translation>
    </message>
    <message>
        <source>The date range ends before it starts</source>
        <translation>Der Datumsbereich endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>The date range spans more than %1 days; Anaplan keeps and returns at most %1 days</source>
        <translation>Der Datumsbereich umfasst mehr als %1 Tage; Anaplan bewahrt höchstens %1 Tage auf und liefert nicht mehr</translation>
    </message>
    <message>
        <source>Days into the past must be 1 to %1 (Anaplan keeps %1 days of audit events), not %2</source>
        <translation>Die Zahl der Tage in die Vergangenheit muss zwischen 1 und %1 liegen (Anaplan bewahrt Audit-Ereignisse %1 Tage auf), nicht %2</translation>
    </message>
</context>
<context>
    <name>anadesk::audit::GetEventsJob</name>
    <message>
        <source>audit events (%1)</source>
        <translation>Audit-Ereignisse (%1)</translation>
    </message>
    <message>
        <source>Get audit events</source>
        <translation>Audit-Ereignisse abrufen</translation>
    </message>
    <message>
        <source>audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Ask for 1 to %1 days, or a window of at most %1 days.</source>
        <translation>Fragen Sie 1 bis %1 Tage ab oder einen Zeitraum von höchstens %1 Tagen.</translation>
    </message>
    <message>
        <source>The date range from %1 until now spans more than %2 days</source>
        <translation>Der Datumsbereich von %1 bis heute umfasst mehr als %2 Tage</translation>
    </message>
</context>
<context>
    <name>anadesk::audit::GetTenantUserJob</name>
    <message>
        <source>Get user</source>
        <translation>Benutzer abrufen</translation>
    </message>
    <message>
        <source>the signed-in user</source>
        <translation>der angemeldete Benutzer</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>no &apos;user&apos; object</source>
        <translation>kein „user“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::audit::ListTenantUsersJob</name>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>List users</source>
        <translation>Benutzer auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks</name>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>integration %1</source>
        <translation>Integration %1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Ausführung %1</translation>
    </message>
    <message>
        <source>notification configuration %1</source>
        <translation>Benachrichtigungskonfiguration %1</translation>
    </message>
    <message>
        <source>integration flow %1</source>
        <translation>Integrationsfluss %1</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CancelIntegrationRunJob</name>
    <message>
        <source>Cancel the run of a CloudWorks integration</source>
        <translation>Ausführung einer CloudWorks-Integration abbrechen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CloudConnectionInput</name>
    <message>
        <source>The connection type must be AmazonS3, AzureBlob or GoogleBigQuery</source>
        <translation>Der Verbindungstyp muss AmazonS3, AzureBlob oder GoogleBigQuery sein</translation>
    </message>
    <message>
        <source>The connection needs a name</source>
        <translation>Die Verbindung benötigt einen Namen</translation>
    </message>
    <message>
        <source>An Amazon S3 connection needs bucketName, accessKeyId and secretAccessKey</source>
        <translation>Eine Amazon-S3-Verbindung benötigt bucketName, accessKeyId und secretAccessKey</translation>
    </message>
    <message>
        <source>An Azure Blob connection needs storageAccountName and containerName</source>
        <translation>Eine Azure-Blob-Verbindung benötigt storageAccountName und containerName</translation>
    </message>
    <message>
        <source>An Azure Blob connection with SAS-based authentication needs a sasToken</source>
        <translation>Eine Azure-Blob-Verbindung mit SAS-basierter Authentifizierung benötigt ein sasToken</translation>
    </message>
    <message>
        <source>An Azure Blob connection with OAuth2 needs clientId, clientSecret and tenantId</source>
        <translation>Eine Azure-Blob-Verbindung mit OAuth2 benötigt clientId, clientSecret und tenantId</translation>
    </message>
    <message>
        <source>Azure authMethod must be SAS-based or OAuth2, not &apos;%1&apos;</source>
        <translation>Die Azure-authMethod muss SAS-based oder OAuth2 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>A Google BigQuery connection needs a dataset and the service account key (JSON)</source>
        <translation>Eine Google-BigQuery-Verbindung benötigt ein Dataset und den Dienstkontoschlüssel (JSON)</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CloudWorksJob</name>
    <message>
        <source>No %1 id given</source>
        <translation>Keine ID angegeben (%1)</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CreateConnectionJob</name>
    <message>
        <source>connection &apos;%1&apos;</source>
        <translation>Verbindung „%1“</translation>
    </message>
    <message>
        <source>Create CloudWorks connection</source>
        <translation>CloudWorks-Verbindung erstellen</translation>
    </message>
    <message>
        <source>no connectionId in the answer</source>
        <translation>keine connectionId in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CreateFlowJob</name>
    <message>
        <source>flow &apos;%1&apos;</source>
        <translation>Integrationsfluss „%1“</translation>
    </message>
    <message>
        <source>Create integration flow</source>
        <translation>Integrationsfluss erstellen</translation>
    </message>
    <message>
        <source>no integrationFlowId in the answer</source>
        <translation>keine integrationFlowId in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CreateIntegrationJob</name>
    <message>
        <source>integration &apos;%1&apos;</source>
        <translation>Integration „%1“</translation>
    </message>
    <message>
        <source>Create CloudWorks integration</source>
        <translation>CloudWorks-Integration erstellen</translation>
    </message>
    <message>
        <source>no integrationId in the answer</source>
        <translation>keine integrationId in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CreateNotificationJob</name>
    <message>
        <source>notification configuration of %1</source>
        <translation>Benachrichtigungskonfiguration von %1</translation>
    </message>
    <message>
        <source>Create notification configuration</source>
        <translation>Benachrichtigungskonfiguration erstellen</translation>
    </message>
    <message>
        <source>no notificationId in the answer</source>
        <translation>keine notificationId in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::CreateScheduleJob</name>
    <message>
        <source>schedule of %1</source>
        <translation>Zeitplan von %1</translation>
    </message>
    <message>
        <source>Create schedule</source>
        <translation>Zeitplan erstellen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::DeleteConnectionJob</name>
    <message>
        <source>Delete CloudWorks connection</source>
        <translation>CloudWorks-Verbindung löschen</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::DeleteFlowJob</name>
    <message>
        <source>Delete integration flow</source>
        <translation>Integrationsfluss löschen</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Integrationsfluss</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::DeleteIntegrationJob</name>
    <message>
        <source>Delete CloudWorks integration</source>
        <translation>CloudWorks-Integration löschen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::DeleteNotificationJob</name>
    <message>
        <source>Delete notification configuration</source>
        <translation>Benachrichtigungskonfiguration löschen</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::DeleteScheduleJob</name>
    <message>
        <source>schedule of %1</source>
        <translation>Zeitplan von %1</translation>
    </message>
    <message>
        <source>Delete schedule</source>
        <translation>Zeitplan löschen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::FlowInput</name>
    <message>
        <source>The flow needs a name</source>
        <translation>Der Integrationsfluss benötigt einen Namen</translation>
    </message>
    <message>
        <source>A flow has 2 to 100 steps, not %1</source>
        <translation>Ein Integrationsfluss hat 2 bis 100 Schritte, nicht %1</translation>
    </message>
    <message>
        <source>Every step needs an integration id</source>
        <translation>Jeder Schritt benötigt eine Integrations-ID</translation>
    </message>
    <message>
        <source>Integration %1 appears twice in the flow</source>
        <translation>Integration %1 kommt zweimal im Integrationsfluss vor</translation>
    </message>
    <message>
        <source>A step&apos;s strategy is stop or continue, not &apos;%1&apos;</source>
        <translation>Die Strategie eines Schritts ist stop oder continue, nicht „%1“</translation>
    </message>
    <message>
        <source>Step %1 depends on %2, which is not another step of the flow</source>
        <translation>Schritt %1 hängt von %2 ab, das kein anderer Schritt des Integrationsflusses ist</translation>
    </message>
    <message>
        <source>A flow needs at least two steps that are not skipped</source>
        <translation>Ein Integrationsfluss benötigt mindestens zwei Schritte, die nicht übersprungen werden</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetFlowJob</name>
    <message>
        <source>Get integration flow</source>
        <translation>Integrationsfluss abrufen</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Integrationsfluss</translation>
    </message>
    <message>
        <source>no &apos;integrationFlow&apos; object</source>
        <translation>kein „integrationFlow“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetImportErrorDumpJob</name>
    <message>
        <source>error dump of %1</source>
        <translation>Fehler-Dump von %1</translation>
    </message>
    <message>
        <source>Download the import error dump</source>
        <translation>Fehler-Dump des Imports herunterladen</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Ausführung</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetIntegrationJob</name>
    <message>
        <source>Get CloudWorks integration</source>
        <translation>CloudWorks-Integration abrufen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>no &apos;integration&apos; object</source>
        <translation>kein „integration“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetNotificationJob</name>
    <message>
        <source>Get notification configuration</source>
        <translation>Benachrichtigungskonfiguration abrufen</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>no &apos;notifications&apos; object</source>
        <translation>kein „notifications“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetProcessErrorDumpJob</name>
    <message>
        <source>error dump of import %1 in %2</source>
        <translation>Fehler-Dump von Import %1 in %2</translation>
    </message>
    <message>
        <source>Download the process error dump</source>
        <translation>Fehler-Dump des Prozesses herunterladen</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>import (action)</source>
        <translation>Import (Aktion)</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetRunErrorJob</name>
    <message>
        <source>Get run error</source>
        <translation>Ausführungsfehler abrufen</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Ausführung</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::GetRunStatusJob</name>
    <message>
        <source>Get run status</source>
        <translation>Ausführungsstatus abrufen</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>no &apos;run&apos; object</source>
        <translation>kein „run“-Objekt</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::IntegrationInput</name>
    <message>
        <source>The integration needs a name</source>
        <translation>Die Integration benötigt einen Namen</translation>
    </message>
    <message>
        <source>The integration needs the workspace id and the model id</source>
        <translation>Die Integration benötigt die Arbeitsbereichs-ID und die Modell-ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a process id (118 followed by nine digits)</source>
        <translation>„%1“ ist keine Prozess-ID (118 gefolgt von neun Ziffern)</translation>
    </message>
    <message>
        <source>The integration needs at least one job (import or export), or a process id</source>
        <translation>Die Integration benötigt mindestens einen Job (Import oder Export) oder eine Prozess-ID</translation>
    </message>
    <message>
        <source>Job %1 needs a source and a target</source>
        <translation>Job %1 benötigt eine Quelle und ein Ziel</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an import id (112 followed by nine digits)</source>
        <translation>„%1“ ist keine Import-ID (112 gefolgt von neun Ziffern)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an export id (116 followed by nine digits)</source>
        <translation>„%1“ ist keine Export-ID (116 gefolgt von neun Ziffern)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a file id (113 followed by nine digits)</source>
        <translation>„%1“ ist keine Datei-ID (113 gefolgt von neun Ziffern)</translation>
    </message>
    <message>
        <source>Job %1 needs the connection id of its %2 side</source>
        <translation>Job %1 benötigt die Verbindungs-ID seiner Seite %2</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::IntegrationNotificationJob</name>
    <message>
        <source>Get notification configuration</source>
        <translation>Benachrichtigungskonfiguration abrufen</translation>
    </message>
    <message>
        <source>Delete notification configuration</source>
        <translation>Benachrichtigungskonfiguration löschen</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>No integration id given</source>
        <translation>Keine Integrations-ID angegeben</translation>
    </message>
    <message>
        <source>The integration has no notification configuration</source>
        <translation>Die Integration hat keine Benachrichtigungskonfiguration</translation>
    </message>
    <message>
        <source>Create one first.</source>
        <translation>Erstellen Sie zuerst eine.</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::ListConnectionsJob</name>
    <message>
        <source>CloudWorks connections</source>
        <translation>CloudWorks-Verbindungen</translation>
    </message>
    <message>
        <source>List CloudWorks connections</source>
        <translation>CloudWorks-Verbindungen auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::ListFlowsJob</name>
    <message>
        <source>CloudWorks integration flows</source>
        <translation>CloudWorks-Integrationsflüsse</translation>
    </message>
    <message>
        <source>List integration flows</source>
        <translation>Integrationsflüsse auflisten</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::ListIntegrationsJob</name>
    <message>
        <source>CloudWorks integrations</source>
        <translation>CloudWorks-Integrationen</translation>
    </message>
    <message>
        <source>List CloudWorks integrations</source>
        <translation>CloudWorks-Integrationen auflisten</translation>
    </message>
    <message>
        <source>CloudWorks integrations sort only by name, not by &apos;%1&apos;</source>
        <translation>CloudWorks-Integrationen lassen sich nur nach Name sortieren, nicht nach „%1“</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::ListRunHistoryJob</name>
    <message>
        <source>run history of %1</source>
        <translation>Ausführungsverlauf von %1</translation>
    </message>
    <message>
        <source>Get run history</source>
        <translation>Ausführungsverlauf abrufen</translation>
    </message>
    <message>
        <source>No integration id given</source>
        <translation>Keine Integrations-ID angegeben</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::NotificationInput</name>
    <message>
        <source>A notification configuration belongs to exactly one integration</source>
        <translation>Eine Benachrichtigungskonfiguration gehört zu genau einer Integration</translation>
    </message>
    <message>
        <source>Give at least one channel (email, in_app)</source>
        <translation>Geben Sie mindestens einen Kanal an (email, in_app)</translation>
    </message>
    <message>
        <source>Channels are email and in_app, not &apos;%1&apos;</source>
        <translation>Kanäle sind email und in_app, nicht „%1“</translation>
    </message>
    <message>
        <source>Give at least one outcome to notify about (success, partial_failure, full_failure)</source>
        <translation>Geben Sie mindestens ein Ergebnis an, über das benachrichtigt wird (success, partial_failure, full_failure)</translation>
    </message>
    <message>
        <source>Outcomes are success, partial_failure and full_failure, not &apos;%1&apos;</source>
        <translation>Ergebnisse sind success, partial_failure und full_failure, nicht „%1“</translation>
    </message>
    <message>
        <source>Each outcome notifies 1 to 5 users (%1 has %2)</source>
        <translation>Jedes Ergebnis benachrichtigt 1 bis 5 Benutzer (%1 hat %2)</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::PatchConnectionJob</name>
    <message>
        <source>Patch CloudWorks connection</source>
        <translation>CloudWorks-Verbindung teilweise ändern</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Nothing to change: give at least one field</source>
        <translation>Nichts zu ändern: Geben Sie mindestens ein Feld an</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::RunFlowJob</name>
    <message>
        <source>Run integration flow</source>
        <translation>Integrationsfluss ausführen</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Integrationsfluss</translation>
    </message>
    <message>
        <source>An empty step id was given to run</source>
        <translation>Es wurde eine leere Schritt-ID zum Ausführen angegeben</translation>
    </message>
    <message>
        <source>no run id in the answer</source>
        <translation>keine Ausführungs-ID in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::RunIntegrationJob</name>
    <message>
        <source>Run CloudWorks integration</source>
        <translation>CloudWorks-Integration ausführen</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>no run id in the answer</source>
        <translation>keine Ausführungs-ID in der Antwort</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::ScheduleInput</name>
    <message>
        <source>The schedule needs a name</source>
        <translation>Der Zeitplan benötigt einen Namen</translation>
    </message>
    <message>
        <source>The schedule type must be hourly, daily, weekly, monthly_specific_day or monthly_relative_weekday</source>
        <translation>Der Zeitplantyp muss hourly, daily, weekly, monthly_specific_day oder monthly_relative_weekday sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timezone CloudWorks accepts (e.g. Europe/London, America/New_York)</source>
        <translation>„%1“ ist keine Zeitzone, die CloudWorks akzeptiert (z. B. Europe/Berlin, America/New_York)</translation>
    </message>
    <message>
        <source>The start date must be YYYY-MM-DD, not &apos;%1&apos;</source>
        <translation>Das Startdatum muss das Format JJJJ-MM-TT haben, nicht „%1“</translation>
    </message>
    <message>
        <source>The end date must be YYYY-MM-DD, not &apos;%1&apos;</source>
        <translation>Das Enddatum muss das Format JJJJ-MM-TT haben, nicht „%1“</translation>
    </message>
    <message>
        <source>The schedule ends (%1) before it starts (%2)</source>
        <translation>Der Zeitplan endet (%1), bevor er beginnt (%2)</translation>
    </message>
    <message>
        <source>Days of the week are 0 (Sunday) to 6 (Saturday), not %1</source>
        <translation>Wochentage sind 0 (Sonntag) bis 6 (Samstag), nicht %1</translation>
    </message>
    <message>
        <source>An hourly schedule needs fromTime and toTime as HH:mm</source>
        <translation>Ein stündlicher Zeitplan benötigt fromTime und toTime als HH:mm</translation>
    </message>
    <message>
        <source>An hourly schedule&apos;s fromTime (%1) must be before its toTime (%2)</source>
        <translation>Bei einem stündlichen Zeitplan muss fromTime (%1) vor toTime (%2) liegen</translation>
    </message>
    <message>
        <source>An hourly schedule needs the days of the week it runs on</source>
        <translation>Ein stündlicher Zeitplan benötigt die Wochentage, an denen er läuft</translation>
    </message>
    <message>
        <source>An hourly schedule repeats every 1 to 23 hours, not %1</source>
        <translation>Ein stündlicher Zeitplan wiederholt sich alle 1 bis 23 Stunden, nicht alle %1</translation>
    </message>
    <message>
        <source>The schedule needs its time of day as HH:mm, not &apos;%1&apos;</source>
        <translation>Der Zeitplan benötigt seine Uhrzeit als HH:mm, nicht „%1“</translation>
    </message>
    <message>
        <source>A weekly schedule needs the days of the week it runs on</source>
        <translation>Ein wöchentlicher Zeitplan benötigt die Wochentage, an denen er läuft</translation>
    </message>
    <message>
        <source>A monthly_specific_day schedule needs a day of the month from 1 to 31</source>
        <translation>Ein Zeitplan vom Typ monthly_specific_day benötigt einen Tag des Monats von 1 bis 31</translation>
    </message>
    <message>
        <source>A monthly_relative_weekday schedule needs the day of the week (0 = Sunday … 6)</source>
        <translation>Ein Zeitplan vom Typ monthly_relative_weekday benötigt den Wochentag (0 = Sonntag … 6)</translation>
    </message>
    <message>
        <source>A monthly_relative_weekday schedule needs which occurrence in the month (1 to 5)</source>
        <translation>Ein Zeitplan vom Typ monthly_relative_weekday benötigt das Vorkommen im Monat (1 bis 5)</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::SetScheduleStatusJob</name>
    <message>
        <source>schedule of %1</source>
        <translation>Zeitplan von %1</translation>
    </message>
    <message>
        <source>Enable schedule</source>
        <translation>Zeitplan aktivieren</translation>
    </message>
    <message>
        <source>Disable schedule</source>
        <translation>Zeitplan deaktivieren</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::UpdateConnectionJob</name>
    <message>
        <source>Update CloudWorks connection</source>
        <translation>CloudWorks-Verbindung aktualisieren</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::UpdateFlowJob</name>
    <message>
        <source>Update integration flow</source>
        <translation>Integrationsfluss aktualisieren</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Integrationsfluss</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::UpdateIntegrationJob</name>
    <message>
        <source>Update CloudWorks integration</source>
        <translation>CloudWorks-Integration aktualisieren</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::UpdateNotificationJob</name>
    <message>
        <source>Update notification configuration</source>
        <translation>Benachrichtigungskonfiguration aktualisieren</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Anaplan refuses empty lists on update: delete the configuration and create it again instead.</source>
        <translation>Anaplan lehnt beim Aktualisieren leere Listen ab: Löschen Sie die Konfiguration stattdessen und erstellen Sie sie neu.</translation>
    </message>
</context>
<context>
    <name>anadesk::cloudworks::UpdateScheduleJob</name>
    <message>
        <source>schedule of %1</source>
        <translation>Zeitplan von %1</translation>
    </message>
    <message>
        <source>Update schedule</source>
        <translation>Zeitplan aktualisieren</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>anadesk::gzip</name>
    <message>
        <source>%1 failed (zlib %2: %3)</source>
        <translation>%1 fehlgeschlagen (zlib %2: %3)</translation>
    </message>
    <message>
        <source>Decompressed data exceeds the limit of %1 bytes; refusing it as a possible decompression bomb.</source>
        <translation>Die entpackten Daten überschreiten die Grenze von %1 Bytes; sie werden als mögliche Dekompressionsbombe abgelehnt.</translation>
    </message>
    <message>
        <source>Compression ratio above %1:1 after %2 bytes; refusing the data as a possible decompression bomb.</source>
        <translation>Kompressionsverhältnis über %1:1 nach %2 Bytes; die Daten werden als mögliche Dekompressionsbombe abgelehnt.</translation>
    </message>
    <message>
        <source>The gzip data is truncated.</source>
        <translation>Die gzip-Daten sind abgeschnitten.</translation>
    </message>
    <message>
        <source>Starting the compressor failed (out of memory?)</source>
        <translation>Starten des Komprimierers fehlgeschlagen (zu wenig Speicher?)</translation>
    </message>
    <message>
        <source>Compression failed (output did not fit)</source>
        <translation>Komprimierung fehlgeschlagen (Ausgabe passte nicht)</translation>
    </message>
</context>
<context>
    <name>anadesk::scim</name>
    <message>
        <source>SCIM user %1</source>
        <translation>SCIM-Benutzer %1</translation>
    </message>
    <message>
        <source>SCIM users</source>
        <translation>SCIM-Benutzer</translation>
    </message>
    <message>
        <source>no user id in the answer</source>
        <translation>keine Benutzer-ID in der Antwort</translation>
    </message>
    <message>
        <source>No user id given</source>
        <translation>Keine Benutzer-ID angegeben</translation>
    </message>
    <message>
        <source>A PATCH needs at least one operation</source>
        <translation>Ein PATCH benötigt mindestens eine Operation</translation>
    </message>
    <message>
        <source>Operation %1 (remove) needs a path</source>
        <translation>Operation %1 (remove) benötigt einen Pfad</translation>
    </message>
    <message>
        <source>Operation %1 (%2) needs a value</source>
        <translation>Operation %1 (%2) benötigt einen Wert</translation>
    </message>
    <message>
        <source>Operation %1 (%2) has no path, so its value must be an object of attributes</source>
        <translation>Operation %1 (%2) hat keinen Pfad, daher muss ihr Wert ein Objekt aus Attributen sein</translation>
    </message>
    <message>
        <source>The user needs a userName (the e-mail address)</source>
        <translation>Der Benutzer benötigt einen userName (die E-Mail-Adresse)</translation>
    </message>
    <message>
        <source>The user needs both a given name and a family name (name.givenName, name.familyName)</source>
        <translation>Der Benutzer benötigt Vor- und Nachnamen (name.givenName, name.familyName)</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::AddUserJob</name>
    <message>
        <source>Add SCIM user</source>
        <translation>SCIM-Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>SCIM user %1</source>
        <translation>SCIM-Benutzer %1</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::Filter</name>
    <message>
        <source>&apos;active&apos; is a boolean: compare it with true or false (eq, ne), not with text &apos;%1&apos;</source>
        <translation>„active“ ist ein Wahrheitswert: Vergleichen Sie es mit true oder false (eq, ne), nicht mit dem Text „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is text: compare it with a quoted value, not with %2</source>
        <translation>„%1“ ist Text: Vergleichen Sie es mit einem Wert in Anführungszeichen, nicht mit %2</translation>
    </message>
    <message>
        <source>&apos;active&apos; is a boolean: only eq and ne apply, not %1</source>
        <translation>„active“ ist ein Wahrheitswert: Nur eq und ne sind anwendbar, nicht %1</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::GetResourceTypesJob</name>
    <message>
        <source>SCIM resource types</source>
        <translation>SCIM-Ressourcentypen</translation>
    </message>
    <message>
        <source>List SCIM resource types</source>
        <translation>SCIM-Ressourcentypen auflisten</translation>
    </message>
    <message>
        <source>no &apos;Resources&apos; array</source>
        <translation>kein „Resources“-Array</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::GetSchemasJob</name>
    <message>
        <source>SCIM schemas</source>
        <translation>SCIM-Schemas</translation>
    </message>
    <message>
        <source>List SCIM schemas</source>
        <translation>SCIM-Schemas auflisten</translation>
    </message>
    <message>
        <source>no &apos;Resources&apos; array</source>
        <translation>kein „Resources“-Array</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::GetServiceProviderConfigJob</name>
    <message>
        <source>SCIM service provider</source>
        <translation>SCIM-Service-Provider</translation>
    </message>
    <message>
        <source>Get the SCIM service provider configuration</source>
        <translation>SCIM-Service-Provider-Konfiguration abrufen</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::GetUserJob</name>
    <message>
        <source>Get SCIM user</source>
        <translation>SCIM-Benutzer abrufen</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::ListUsersJob</name>
    <message>
        <source>List SCIM users</source>
        <translation>SCIM-Benutzer auflisten</translation>
    </message>
    <message>
        <source>Invalid user filter: %1</source>
        <translation>Ungültiger Benutzerfilter: %1</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::ListUsersPageJob</name>
    <message>
        <source>SCIM users</source>
        <translation>SCIM-Benutzer</translation>
    </message>
    <message>
        <source>List SCIM users %1 to %2</source>
        <translation>SCIM-Benutzer %1 bis %2 auflisten</translation>
    </message>
    <message>
        <source>Invalid user filter: %1</source>
        <translation>Ungültiger Benutzerfilter: %1</translation>
    </message>
    <message>
        <source>A SCIM page starts at position 1 or later, not %1</source>
        <translation>Eine SCIM-Seite beginnt bei Position 1 oder später, nicht bei %1</translation>
    </message>
    <message>
        <source>A SCIM page holds 1 to %1 users, not %2</source>
        <translation>Eine SCIM-Seite enthält 1 bis %1 Benutzer, nicht %2</translation>
    </message>
    <message>
        <source>Choose a page size between 1 and %1.</source>
        <translation>Wählen Sie eine Seitengröße zwischen 1 und %1.</translation>
    </message>
    <message>
        <source>%1 users sent where at most %2 were asked for</source>
        <translation>%1 Benutzer gesendet, obwohl höchstens %2 angefordert waren</translation>
    </message>
    <message>
        <source>asked for the page starting at %1 but the server sent the one at %2</source>
        <translation>die Seite ab %1 angefordert, aber der Server sandte die ab %2</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::PatchUserJob</name>
    <message>
        <source>Update SCIM user</source>
        <translation>SCIM-Benutzer aktualisieren</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::PutUserJob</name>
    <message>
        <source>Replace SCIM user</source>
        <translation>SCIM-Benutzer ersetzen</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::ReplaceUserJob</name>
    <message>
        <source>Replace SCIM user</source>
        <translation>SCIM-Benutzer ersetzen</translation>
    </message>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>No user id given</source>
        <translation>Keine Benutzer-ID angegeben</translation>
    </message>
    <message>
        <source>Could not read the user&apos;s current workspaces before replacing it: %1</source>
        <translation>Die aktuellen Arbeitsbereiche des Benutzers konnten vor dem Ersetzen nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing was changed. Give the workspaces explicitly, or try again.</source>
        <translation>Es wurde nichts geändert. Geben Sie die Arbeitsbereiche ausdrücklich an oder versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>anadesk::scim::ScimPagedJob</name>
    <message>
        <source>No connection to send the request through</source>
        <translation>Keine Verbindung, über die die Anfrage gesendet werden kann</translation>
    </message>
    <message>
        <source>A SCIM page holds 1 to %1 users, not %2</source>
        <translation>Eine SCIM-Seite enthält 1 bis %1 Benutzer, nicht %2</translation>
    </message>
    <message>
        <source>Choose a page size between 1 and %1.</source>
        <translation>Wählen Sie eine Seitengröße zwischen 1 und %1.</translation>
    </message>
    <message>
        <source>The server reported %1 users but sent none on the first page</source>
        <translation>Der Server meldete %1 Benutzer, sendete auf der ersten Seite aber keine</translation>
    </message>
    <message>
        <source>The server reported %1 users in pages of %2: too many pages to read</source>
        <translation>Der Server meldete %1 Benutzer in Seiten zu %2: zu viele Seiten zum Lesen</translation>
    </message>
    <message>
        <source>The list changed while it was read (%1 users, then %2). Try again.</source>
        <translation>Die Liste hat sich beim Lesen geändert (%1 Benutzer, dann %2). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Asked for the page starting at %1 but the server sent the one at %2</source>
        <translation>Die Seite ab %1 wurde angefordert, der Server sendete aber die ab %2</translation>
    </message>
    <message>
        <source>User %1 appeared twice in the list: the list changed while it was read. Try again.</source>
        <translation>Benutzer %1 kam zweimal in der Liste vor: Die Liste hat sich beim Lesen geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The page starting at %1 held %2 users where %3 were expected: the list changed or the server skipped users. Try again.</source>
        <translation>Die Seite ab %1 enthielt %2 Benutzer, erwartet waren %3: Die Liste hat sich geändert oder der Server hat Benutzer übersprungen. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop administration console for Anaplan (and the local anadesk-sandbox).</source>
        <translation>Desktop-Verwaltungskonsole für Anaplan (und die lokale anadesk-sandbox).</translation>
    </message>
    <message>
        <source>Start anadesk-sandbox on a free loopback port and connect to it.</source>
        <translation>anadesk-sandbox auf einem freien Loopback-Port starten und sich damit verbinden.</translation>
    </message>
    <message>
        <source>Path of the anadesk-sandbox executable.</source>
        <translation>Pfad der ausführbaren Datei anadesk-sandbox.</translation>
    </message>
    <message>
        <source>Use this settings file instead of the default one (no secrets are stored in it).</source>
        <translation>Diese Einstellungsdatei statt der Standarddatei verwenden (darin werden keine Geheimnisse gespeichert).</translation>
    </message>
    <message>
        <source>After connecting, select this model (WORKSPACE_ID/MODEL_ID).</source>
        <translation>Nach dem Verbinden dieses Modell auswählen (WORKSPACE_ID/MODEL_ID).</translation>
    </message>
    <message>
        <source>After connecting, save a picture of the window to this PNG file and quit.</source>
        <translation>Nach dem Verbinden ein Bild des Fensters in diese PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>Milliseconds to wait after connecting before the screenshot (default 4000).</source>
        <translation>Millisekunden Wartezeit nach dem Verbinden vor dem Bildschirmfoto (Standard 4000).</translation>
    </message>
</context>
</TS>
