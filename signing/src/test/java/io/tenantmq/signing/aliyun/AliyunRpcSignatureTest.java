package io.tenantmq.signing.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.regions.ProductDomain;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RPC signature against the official Alibaba Cloud Java SDK (aliyun-java-sdk-core), which is the reference. */
class AliyunRpcSignatureTest {

  private static final String SECRET = "testsecret";

  /** Characters where form encoding and RFC 3986 disagree, plus multi-byte UTF-8 and Base64-looking values. */
  private static Map<String, String> awkwardParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Action", "QuerySessionByClientId");
    params.put("Version", "2020-04-20");
    params.put("AccessKeyId", "LTAItest");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureVersion", "1.0");
    params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    params.put("Timestamp", "2026-12-02T02:00:00Z");
    params.put("Format", "JSON");
    params.put("ClientId", "GID_t@@@dev 1*~");
    params.put("Token", "a+b/c=");
    params.put("Resources", "t/设备,a/#");
    params.put("ClientIdList.10", "x");
    params.put("ClientIdList.2", "y");
    return params;
  }

  @Test
  void stringToSignAndSignatureMatchTheSdkComposerAndSigner() throws Exception {
    Map<String, String> params = awkwardParams();
    HmacSHA1Signer signer = new HmacSHA1Signer();
    for (MethodType method : new MethodType[] {MethodType.GET, MethodType.POST}) {
      String sdkStringToSign = RpcSignatureComposer.getComposer()
          .composeStringToSign(method, null, signer, new HashMap<>(params), null, null);
      assertThat(AliyunRpcSignature.stringToSign(method.name(), params)).isEqualTo(sdkStringToSign);
      assertThat(AliyunRpcSignature.sign(SECRET, method.name(), params))
          .isEqualTo(signer.signString(sdkStringToSign, SECRET + "&"));
    }
  }

  @Test
  void percentEncodingIsRfc3986() {
    assertThat(AliyunRpcSignature.percentEncode("a b*c~d+e/f@g=h&i")).isEqualTo("a%20b%2Ac~d%2Be%2Ff%40g%3Dh%26i");
    assertThat(AliyunRpcSignature.percentEncode("设")).isEqualTo("%E8%AE%BE");
    assertThat(AliyunRpcSignature.percentEncode("Az09-_.")).isEqualTo("Az09-_.");
  }

  @Test
  void signatureParameterIsNeverSigned() {
    Map<String, String> params = awkwardParams();
    String before = AliyunRpcSignature.stringToSign("GET", params);
    params.put(AliyunRpcSignature.SIGNATURE, "anything");
    assertThat(AliyunRpcSignature.stringToSign("GET", params)).isEqualTo(before);
  }

  @Test
  void requestSignedByTheSdkVerifies() throws Exception {
    CommonRequest common = new CommonRequest();
    common.setSysDomain("127.0.0.1:8080");
    common.setSysProtocol(ProtocolType.HTTP);
    common.setSysVersion("2020-04-20");
    common.setSysAction("QuerySessionByClientId");
    common.setSysMethod(MethodType.GET);
    common.putQueryParameter("ClientId", "GID_t@@@dev 1*~");
    common.putQueryParameter("InstanceId", "demo");
    AcsRequest<?> request = common.buildRequest();
    HttpRequest signed = request.signRequest(new HmacSHA1Signer(), new BasicCredentials("LTAItest", SECRET),
        FormatType.JSON, new ProductDomain("OnsMqtt", "127.0.0.1:8080"));

    Map<String, String> received = decodeQuery(URI.create(signed.getSysUrl()).getRawQuery());
    assertThat(received).containsKeys("Signature", "SignatureNonce", "Timestamp", "AccessKeyId");
    assertThat(AliyunRpcSignature.stringToSign("GET", received)).isEqualTo(signed.getSysStrToSign());
    assertThat(AliyunRpcSignature.verify(SECRET, "GET", received)).isTrue();
    assertThat(AliyunRpcSignature.verify("wrong" + SECRET, "GET", received)).isFalse();
    assertThat(AliyunRpcSignature.verify(SECRET, "POST", received)).isFalse();
    received.put("ClientId", "GID_t@@@dev2");
    assertThat(AliyunRpcSignature.verify(SECRET, "GET", received)).isFalse();
  }

  @Test
  void missingSignatureNeverVerifies() {
    assertThat(AliyunRpcSignature.verify(SECRET, "GET", awkwardParams())).isFalse();
  }

  private static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
