package io.tenantmq.gateway.events;

/**
 * A pull, ack or offsets parameter that is missing or not valid. Each dialect turns it into its own error
 * ({@code 400 BAD_REQUEST}, {@code MissingParameter} / {@code InvalidParameterValue}, {@code Missing…} /
 * {@code InvalidParameter.…}); it is an {@link IllegalArgumentException}, which EMQX's failure handler already
 * answers with 400. Carries no stack trace: it is an expected outcome.
 *
 * @see #message(FieldNames)
 */
public final class EventParamException extends IllegalArgumentException {

  private final EventParam param;
  private final boolean missing;
  private final String problem;

  private EventParamException(EventParam param, boolean missing, String problem) {
    super(param.wireName(FieldNames.SNAKE) + ": " + problem);
    this.param = param;
    this.missing = missing;
    this.problem = problem;
  }

  static EventParamException missing(EventParam param) {
    return missing(param, "required");
  }

  /** Missing, with a reason why it is required here (e.g. {@code required in broadcasting mode}). */
  static EventParamException missing(EventParam param, String problem) {
    return new EventParamException(param, true, problem);
  }

  static EventParamException invalid(EventParam param, String problem) {
    return new EventParamException(param, false, problem);
  }

  public EventParam param() {
    return param;
  }

  /** True when the parameter was absent (or empty), false when its value is wrong. */
  public boolean missing() {
    return missing;
  }

  /** What is wrong, without the parameter's name: e.g. {@code must be within 1..1000, was 0}. */
  public String problem() {
    return problem;
  }

  /** {@code <name>: <problem>} with the name as {@code names} spells it. */
  public String message(FieldNames names) {
    return param.wireName(names) + ": " + problem;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
