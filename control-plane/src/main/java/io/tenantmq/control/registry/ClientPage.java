package io.tenantmq.control.registry;

import java.util.List;

/**
 * One page of a client list, in client id order.
 *
 * @param records     the page
 * @param count       how many records match the filter in all
 * @param hasNext     whether records follow this page
 * @param lastClientId the client id of the last record of the page (what a cursor continues after), or null if empty
 */
public record ClientPage(List<ClientRecord> records, long count, boolean hasNext, String lastClientId) {
  public ClientPage {
    records = List.copyOf(records);
  }
}
