package io.medvie.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The app's class path (the same resolution fills {@code target/lib}, which {@code ./medvie} and
 * the chaos bench's service JVMs run on) must carry the PyTorch engine and its natives: the quality
 * module reaches medvie-model with the DJL jars excluded, and Maven's nearest-wins rule once
 * dropped them, so extractor and trainer failed at start with "Deep learning engine not found:
 * PyTorch".
 */
class RuntimeClassPathTest {

    @Test
    void thePyTorchEngineAndItsNativesAreOnTheClassPath() throws Exception {
        assertThat(Class.forName("ai.djl.pytorch.engine.PtEngineProvider")).isNotNull();
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("jnilib/pytorch.properties"))
                .as("pytorch-jni on the class path")
                .isNotNull();
        assertThat(loader.getResource("pytorch/cpu/linux-x86_64/libtorch.so"))
                .as("pytorch-native-cpu (linux-x86_64) on the class path")
                .isNotNull();
    }
}
