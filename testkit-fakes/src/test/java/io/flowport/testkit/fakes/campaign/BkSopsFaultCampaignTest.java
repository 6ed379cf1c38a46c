package io.flowport.testkit.fakes.campaign;

import io.flowport.core.model.StartRequest;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.bksops.FakeBkSopsServer;

/** The fault campaign on bk-sops over its fake (no publish, no variable writes; a start is create + start task). */
class BkSopsFaultCampaignTest extends FaultCampaignContract {
  @Override
  protected CampaignTarget target() {
    FakeBkSopsServer fake = FakeBkSopsServer.builder()
        .template("1", ProcessModel.builder("waits").startEvent("start").serviceTask("work", "work").endEvent("end").build())
        .start();
    return new RestCampaignTarget("bk-sops", fake,
        options -> BkSopsClient.builder().baseUrl(fake.baseUrl()).bizId(FakeBkSopsServer.DEFAULT_BIZ_ID)
            .options(options).build(),
        vars -> StartRequest.of("1").variables(vars).build());
  }
}
