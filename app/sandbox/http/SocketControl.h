#pragma once
// The few socket operations Qt does not offer but fault injection needs: an abortive close (RST),
// a half-close (FIN while still reading) and noticing that a peer closed while we do not read.
#include <QtGlobal>

namespace sandbox::http {

// SO_LINGER {on, 0}: the next close() sends RST instead of FIN and drops unsent data.
void setAbortiveClose(qintptr descriptor);
// shutdown(SHUT_WR): sends FIN but keeps the receiving half open.
void shutdownWrite(qintptr descriptor);
// True when the peer has sent FIN (or the socket failed), without reading any data. Where the platform
// cannot tell (no POLLRDHUP), returns false and callers rely on their time limit.
bool peerHasClosed(qintptr descriptor);

} // namespace sandbox::http
