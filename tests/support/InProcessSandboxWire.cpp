#include "InProcessSandboxWire.h"

#include <QUrl>
#include <QUrlQuery>

namespace anadesk::test {

sandbox::Router &InProcessSandboxWire::startSandbox(const sandbox::SandboxConfig &config)
{
    m_router.reset();
    m_tenant.reset();
    m_tenant = std::make_unique<sandbox::Tenant>(config);
    m_router = std::make_unique<sandbox::Router>();
    return *m_router;
}

WireReply InProcessSandboxWire::call(const QByteArray &method, const QString &pathAndQuery,
                                     const QByteArray &body, const WireHeaders &headers)
{
    if (!m_router)
        return {};
    sandbox::HttpRequest request;
    request.method = method;
    request.target = pathAndQuery.toUtf8();
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    const QString path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
    if (q >= 0)
        request.query = QUrlQuery(pathAndQuery.mid(q + 1));
    for (const QString &segment : path.mid(1).split(QLatin1Char('/')))
        request.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    for (const auto &[k, v] : headers)
        request.headers.insert(k.toLower(), v);
    request.headers.insert("host", "127.0.0.1");
    request.body = body;
    request.user = QStringLiteral("demo@anadesk.test");
    bool known = false;
    const auto found = m_router->find(request, &known);
    if (!found)
        return {known ? 405 : 404, {}, {}};
    const sandbox::HttpResponse response = found->handler(request, found->match);
    WireReply reply{response.status, response.body, response.headers};
    if (response.bodyDevice) // a streamed body (whole-file downloads) is read here, as a client would
        reply.body = response.bodyDevice->readAll();
    return reply;
}

} // namespace anadesk::test
