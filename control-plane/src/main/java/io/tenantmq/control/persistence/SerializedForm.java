package io.tenantmq.control.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Keys and values as bytes: Java serialization. The values are records of several modules (control-plane,
 * mqtt-node, deploy), so the store cannot know their types; Java serialization needs none, and for records it is the
 * right kind of generic: they are rebuilt through their canonical constructor (validation runs), a component added
 * later reads as null/0 and a removed one is ignored, and no serialVersionUID has to match. Hazelcast's own
 * serialization would be internal API whose format is bound to the Hazelcast version. Reading is limited to
 * TenantMQ and JDK classes, so a tampered row cannot instantiate arbitrary gadgets.
 */
final class SerializedForm {

  private static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter("maxdepth=64;io.tenantmq.**;java.**;!*");

  private SerializedForm() {
  }

  static byte[] write(Object object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + object.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  static Object read(byte[] data) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
      in.setObjectInputFilter(ALLOWED);
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot deserialize a stored row", e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a stored row names a class this build lacks: " + e.getMessage(), e);
    }
  }
}
