#pragma once
// The JSON objects the bulk API sends for each record, shaped like Anaplan's (ids as strings).
#include "tenant/TenantState.h"

#include <QJsonObject>

namespace sandbox::bulk {

QJsonObject workspaceJson(const WorkspaceRecord &w, bool tenantDetails);
QJsonObject modelJson(const ModelInfo &m, bool modelDetails);
QJsonObject fileJson(const FileRecord &f);
QJsonObject importJson(const ImportRecord &i);
QJsonObject exportJson(const ExportRecord &e);
QJsonObject actionJson(const ActionRecord &a);
QJsonObject processJson(const ProcessRecord &p);

// GET …/imports/{id}, …/exports/{id}, …/processes/{id} metadata objects.
QJsonObject importMetadata(const ImportRecord &i, const ModelContent &c);
QJsonObject exportMetadata(const ExportRecord &e, const ModelContent &c);
QJsonObject processMetadata(const ProcessRecord &p, const ModelContent &c, bool showImportDataSource);

} // namespace sandbox::bulk
