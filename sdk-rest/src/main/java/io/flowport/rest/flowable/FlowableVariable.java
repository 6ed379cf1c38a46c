package io.flowport.rest.flowable;

/**
 * A variable as Flowable's REST API describes it.
 *
 * @param name the name
 * @param type Flowable's type name ({@code string, integer, long, double, boolean, json, date, binary,
 *     serializable, ...}), or null when Flowable sent none
 * @param value the value as plain Java (String, Integer, Long, Double, Boolean, Map, List, or the text of
 *     dates); null for binary and serializable variables, read those with
 *     {@link FlowableOperations#getBinaryVariable}
 * @param valueUrl where Flowable serves the raw value of a binary or serializable variable, else null
 * @param scope {@code local} or {@code global}, as Flowable sent it
 */
public record FlowableVariable(String name, String type, Object value, String valueUrl, String scope) {

  /** {@return true for a variable whose value is only served raw, via {@link #valueUrl()}} */
  public boolean isBinary() {
    return "binary".equals(type) || "serializable".equals(type);
  }
}
