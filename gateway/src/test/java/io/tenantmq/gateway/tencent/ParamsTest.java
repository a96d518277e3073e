package io.tenantmq.gateway.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parameter reader and the GET form nesting, on their own. */
class ParamsTest {

  static TencentException failure(Runnable read) {
    TencentException e = catchThrowableOfType(TencentException.class, read::run);
    assertThat(e).as("must fail").isNotNull();
    return e;
  }

  @Test
  void formQueryNestsArraysAndObjectsTheWayTheApiFlattensThem() {
    JsonObject nested = FormParams.toJson(
        "InstanceId=mqtt-a&Filters.0.Name=Username&Filters.0.Values.0=a%20b&Filters.0.Values.1=c%2Bd&Limit=5");
    assertThat(nested).isEqualTo(new JsonObject("""
        {"InstanceId":"mqtt-a","Filters":[{"Name":"Username","Values":["a b","c+d"]}],"Limit":"5"}"""));
    Params params = Params.form(nested);
    assertThat(params.requiredString("InstanceId")).isEqualTo("mqtt-a");
    assertThat(params.filters("Filters", Set.of("Username")))
        .containsExactly(new Filter("Username", List.of("a b", "c+d")));
    assertThat(params.paging(20, 100)).isEqualTo(new Paging(0, 5));
    params.rejectUnread();
  }

  @Test
  void formQueryWithGapsOrRepeatsIsInvalidParameter() {
    assertThat(FormParams.toJson("Values.1=b").getJsonObject("Values").getString("1")).isEqualTo("b");
    assertThat(failure(() -> FormParams.toJson("A=1&A=2")).code()).isEqualTo("InvalidParameter");
    assertThat(failure(() -> FormParams.toJson("A=1&A.0=2")).code()).isEqualTo("InvalidParameter");
  }

  @Test
  void jsonTypesAreStrictButFormTextIsParsed() {
    Params json = Params.json(new JsonObject().put("Limit", "5").put("Flag", "true").put("Offset", 1.5));
    assertThat(failure(() -> json.integer("Limit")).code()).isEqualTo("InvalidParameterValue");
    assertThat(failure(() -> json.bool("Flag")).code()).isEqualTo("InvalidParameterValue");
    assertThat(failure(() -> json.integer("Offset")).code()).isEqualTo("InvalidParameterValue");
    Params form = Params.form(new JsonObject().put("Limit", "5").put("Flag", "true").put("Bad", "5x"));
    assertThat(form.integer("Limit")).contains(5L);
    assertThat(form.bool("Flag")).contains(true);
    assertThat(failure(() -> form.integer("Bad")).getMessage()).contains("`Bad`").contains("integer");
  }

  @Test
  void rangesMissingAndUnreadParametersHaveTheirCodes() {
    Params params = Params.json(new JsonObject().put("Limit", 101).put("Extra", 1).putNull("Remark"));
    TencentException limit = failure(() -> params.paging(20, 100));
    assertThat(limit.code()).isEqualTo("InvalidParameterValue");
    assertThat(limit.getMessage()).contains("1..100");
    assertThat(failure(() -> params.requiredString("InstanceId")).code()).isEqualTo("MissingParameter");
    assertThat(params.string("Remark")).isEmpty(); // null is absent
    TencentException unknown = failure(params::rejectUnread);
    assertThat(unknown.code()).isEqualTo("UnknownParameter");
    assertThat(unknown.getMessage()).contains("`Extra`");
    params.accept("Extra");
    params.rejectUnread();
  }

  @Test
  void filtersAreCheckedByNameAndShape() {
    Params params = Params.json(new JsonObject("""
        {"A":[{"Name":"Colour","Values":["x"]}],"B":[{"Name":"Username","Values":[1]}],"C":"x",
         "D":[{"Name":"Username","Other":1}],"E":[{"Values":[]}]}"""));
    Set<String> names = Set.of("Username");
    assertThat(failure(() -> params.filters("A", names)).getMessage()).contains("`A.0.Name`");
    assertThat(failure(() -> params.filters("B", names)).getMessage()).contains("`B.0.Values.0`");
    assertThat(failure(() -> params.filters("C", names)).code()).isEqualTo("InvalidParameterValue");
    assertThat(failure(() -> params.filters("D", names)).code()).isEqualTo("UnknownParameter");
    assertThat(failure(() -> params.filters("E", names)).code()).isEqualTo("MissingParameter");
    assertThat(params.filters("Absent", names)).isEmpty();
  }
}
