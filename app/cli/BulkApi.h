#pragma once
// core's bulk facade for the CLI. BulkClient.h uses Connection inline (QPointer<Connection> converted
// to Connection*) without including Connection.h, so it only compiles with Connection.h first; this
// header keeps that order in one place (reported to core-bulk).
// clang-format off
#include "Connection.h"
#include "BulkClient.h"
// clang-format on
