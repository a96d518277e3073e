package io.tenantmq.signing.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.signing.aliyun.AliyunTokenPassword.Entry;
import io.tenantmq.signing.aliyun.AliyunTokenPassword.Type;
import org.junit.jupiter.api.Test;

/** Token-mode passwords as Aliyun's clients build them (API-NOTES §3.2), and what is not one. */
class AliyunTokenPasswordTest {

  /** Tokens are standard Base64: '+', '/' and '=' are part of them. */
  private static final String TOK_R = "LzMT+XLFl5s/YWJ/MlDz4t/Lq5HC1iGU1P28HAMaxYw=";
  private static final String TOK_W = "a/b+c=";

  @Test
  void readAndWriteTokensAreParsedInOrderWithBase64CharactersIntact() {
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R + "|W|" + TOK_W)).hasValueSatisfying(p -> assertThat(p.entries())
        .containsExactly(new Entry(Type.R, TOK_R), new Entry(Type.W, TOK_W)));
  }

  @Test
  void aSingleTokenOfEachTypeIsAPassword() {
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R).orElseThrow().entries()).containsExactly(new Entry(Type.R, TOK_R));
    assertThat(AliyunTokenPassword.parse("W|" + TOK_W).orElseThrow().entries()).containsExactly(new Entry(Type.W, TOK_W));
    assertThat(AliyunTokenPassword.parse("RW|" + TOK_R).orElseThrow().entries())
        .containsExactly(new Entry(Type.RW, TOK_R));
  }

  @Test
  void aTrailingSeparatorAsAliyunsClientLeavesItIsTolerated() {
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R + "|W|" + TOK_W + "|").orElseThrow().entries())
        .containsExactly(new Entry(Type.R, TOK_R), new Entry(Type.W, TOK_W));
    assertThat(AliyunTokenPassword.parse("W|" + TOK_W + "|").orElseThrow().entries())
        .containsExactly(new Entry(Type.W, TOK_W));
  }

  @Test
  void allThreeTypesMayBeSentTogether() {
    assertThat(AliyunTokenPassword.parse("R|a|W|b|RW|c").orElseThrow().entries()).extracting(Entry::type)
        .containsExactly(Type.R, Type.W, Type.RW);
  }

  @Test
  void aRepeatedTypeIsRefused() {
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R + "|R|" + TOK_W)).isEmpty();
  }

  @Test
  void unknownOrLowerCaseTypesAreRefused() {
    assertThat(AliyunTokenPassword.parse("X|" + TOK_R)).isEmpty();
    assertThat(AliyunTokenPassword.parse("r|" + TOK_R)).isEmpty();
    assertThat(AliyunTokenPassword.parse("WR|" + TOK_R)).isEmpty();
  }

  @Test
  void anUnpairedOrEmptyPartIsRefused() {
    assertThat(AliyunTokenPassword.parse("R")).isEmpty();
    assertThat(AliyunTokenPassword.parse("R|")).isEmpty();
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R + "|W")).isEmpty();
    assertThat(AliyunTokenPassword.parse("R||W|" + TOK_W)).isEmpty();
    assertThat(AliyunTokenPassword.parse("|R|" + TOK_R)).isEmpty();
    assertThat(AliyunTokenPassword.parse("R|" + TOK_R + "||")).isEmpty();
  }

  @Test
  void nothingOrASignatureIsNotATokenPassword() {
    assertThat(AliyunTokenPassword.parse(null)).isEmpty();
    assertThat(AliyunTokenPassword.parse("")).isEmpty();
    assertThat(AliyunTokenPassword.parse("|")).isEmpty();
    assertThat(AliyunTokenPassword.parse("vI009IZJZVGRwBwZvnbwjfuXxVM=")).isEmpty();
  }

  @Test
  void tokensOutsideTheBase64AlphabetAreRefused() {
    assertThat(AliyunTokenPassword.parse("R|tok en")).isEmpty();
    assertThat(AliyunTokenPassword.parse("R|tok-en_")).isEmpty();
    assertThat(AliyunTokenPassword.parse("R|tök")).isEmpty();
  }

  @Test
  void tokensNeverAppearInTheTextForm() {
    AliyunTokenPassword p = AliyunTokenPassword.parse("R|" + TOK_R + "|W|" + TOK_W).orElseThrow();
    assertThat(p.toString()).doesNotContain(TOK_R).doesNotContain(TOK_W).contains("R").contains("W");
  }
}
