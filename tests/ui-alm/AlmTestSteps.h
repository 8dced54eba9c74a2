#pragma once
// Steps both ALM sandbox tests take through the real widgets.
#include "AdminTestEnv.h"
#include "alm/AlmPanel.h"
#include "browser/ModelBrowser.h"

#include <QSignalSpy>
#include <QTest>

namespace admintest {

// Selects `modelId` of the demo workspace in the browser and waits until the ALM panel shows its revisions.
inline bool showModel(anadesk::ModelBrowser *browser, anadesk::AlmPanel *panel, const QString &modelId)
{
    QSignalSpy loaded(panel, &anadesk::AlmPanel::revisionsLoaded);
    browser->selectModel(kDemoWorkspace, modelId);
    if (!QTest::qWaitFor([panel, modelId] { return panel->modelId() == modelId; }, kWaitMs))
        return false;
    return loaded.count() > 0 || loaded.wait(kWaitMs);
}

} // namespace admintest
