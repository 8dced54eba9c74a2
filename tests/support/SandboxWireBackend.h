#pragma once
// The sandbox backend a wire test suite runs against, chosen at build time: with SANDBOX_WIRE_OVER_HTTP
// defined, anadesk-sandbox over loopback HTTP; otherwise the handlers in process (link
// anadesk_test_sandbox_inprocess). A suite derives its Wire from SandboxWireBackend and adds its options.
#ifdef SANDBOX_WIRE_OVER_HTTP
#include "SandboxWire.h"
namespace anadesk::test {
using SandboxWireBackend = HttpSandboxWire;
} // namespace anadesk::test
#else
#include "InProcessSandboxWire.h"
namespace anadesk::test {
using SandboxWireBackend = InProcessSandboxWire;
} // namespace anadesk::test
#endif
