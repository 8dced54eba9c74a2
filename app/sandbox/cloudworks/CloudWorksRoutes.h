#pragma once
// HTTP routes of CloudWorks under /cloudworks/2/0 (the alternative base URL of cloudworks-openapi.json:
// https://api.anaplan.com/cloudworks/2/0): /integrations… and /integrationflows….
#include "CloudWorks.h"
#include "http/Router.h"

namespace sandbox {

void registerCloudWorksRoutes(Router &router, cloudworks::CloudWorks &cloudWorks);

} // namespace sandbox
