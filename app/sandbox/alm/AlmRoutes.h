#pragma once
// The ALM routes under /2/0/models/{m}: onlineStatus (POST and PUT), alm/revisions, latestRevision,
// syncableRevisions, revisions/{id}/appliedToModels, syncTasks, comparisonReportTasks, comparisonReports,
// summaryReportTasks and summaryReports (target revision before source revision in the report paths).
#include "http/Router.h"

#include <memory>

namespace sandbox {

class Transactional;

namespace alm {
class AlmStore;
}

class AlmService
{
public:
    explicit AlmService(Transactional &transactional);
    ~AlmService();
    void registerRoutes(Router &router);

private:
    Transactional &m_tx;
    std::unique_ptr<alm::AlmStore> m_store;
};

} // namespace sandbox
