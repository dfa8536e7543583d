package io.github.fijigan.core.model;
import java.nio.file.*;
public class TestModelsAccess {
  public static void write(Path z) throws Exception {
    TestModels.writeGood(z);
    System.out.println(new String(TestModels.entries(z).get("model.json")));
    System.out.println(ModelBundles.readManifest(z).describe());
  }
}
