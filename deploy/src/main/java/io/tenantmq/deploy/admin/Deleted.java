package io.tenantmq.deploy.admin;

import java.io.PrintWriter;

/** What a delete prints: the API answers 204 without a body, so the command says what it removed. */
final class Deleted {

  private Deleted() {
  }

  static void print(AdminConnection connection, PrintWriter out, String field, String id, String text) {
    if (connection.json()) {
      AdminConnection.printJson(out, AdminClient.json().createObjectNode().set("deleted",
          AdminClient.json().createObjectNode().put(field, id)));
    } else {
      out.println(text);
    }
  }
}
