#pragma once
// Wire-level helpers of the sandbox, for tests and benchmarks of the HTTP layer itself (no token needed,
// loopback only, subject to fault rules and logged like any API call):
//   POST|PUT /__sandbox/echo            -> {"bytes": n, "sha256": "<hex>", "contentType": "…"}
//   GET|HEAD /__sandbox/blob?bytes=N[&seed=S]
//                                       -> N bytes of patternByte(i, S), streamed (never held in memory)
//   GET /__sandbox/barrier?name=X&parties=N[&timeoutMs=T]
//                                       -> answers once N requests wait on X at the same time (proves
//                                          concurrent handling); 504 after T ms (default 10 s, at most 60 s)
#include "Router.h"

namespace sandbox {

// Byte i of a blob with seed s: deterministic, aperiodic for 65521 bytes, cheap to recompute in tests.
inline quint8 patternByte(qint64 i, quint32 seed)
{
    return quint8((quint64(i % 65521) * 40503u + quint64(seed) * 977u) >> 7);
}

void registerDiagnosticRoutes(Router &router);

} // namespace sandbox
