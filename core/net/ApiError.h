#pragma once
// Typed errors shared by every layer of core: a category that code can branch on, plus
// the three things a person needs: what failed, on which object, and what to do.
#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace anadesk {

enum class ErrorCategory
{
    None = 0,
    BadInput,      // rejected before sending, or HTTP 400
    Auth,          // 401 / credentials rejected / token invalid
    Permission,    // 403
    NotFound,      // 404
    ModelBusy,     // 409 or 423 (model locked / another task running)
    ModelArchived, // 422
    RateLimited,   // 429 after all retries
    Timeout,       // no answer within the configured timeout
    Network,       // host unreachable, TLS, connection reset, cut body
    Server,        // 5xx after all retries
    ActionFailed,  // a task completed with successful=false
    Cancelled,     // cancelled by the user
    Protocol,      // the server answered something we cannot understand
    LocalIo,       // reading or writing a local file failed
};

struct ApiError
{
    ErrorCategory category = ErrorCategory::None;
    int httpStatus = 0;    // 0 when there was no HTTP response
    QString message;       // what failed ("Upload of chunk 3 failed")
    QString object;        // which object ("file 113000000001 'Sales.csv'")
    QString hint;          // what to do ("Check the file id or ask a model builder …")
    QString serverMessage; // the server's own explanation, already redacted and truncated

    bool isError() const { return category != ErrorCategory::None; }
    // One line for logs and the CLI: "<message> (<object>): <serverMessage>. <hint>"
    QString toString() const;
};

// A stable, documented process exit code for each category (used by anadesk-cli):
//   0 none · 2 bad-input · 3 auth · 4 permission · 5 not-found · 6 model-busy · 7 model-archived
//   8 rate-limited · 9 timeout · 10 network · 11 server · 12 action-failed · 13 cancelled
//   14 protocol · 15 local-io   (1 stays free for "unexpected failure" outside this table)
int exitCodeFor(ErrorCategory category);
// A stable machine-readable name ("auth", "model-busy", …) for JSON output.
QString categoryName(ErrorCategory category);

} // namespace anadesk

Q_DECLARE_METATYPE(anadesk::ApiError)
