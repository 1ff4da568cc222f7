package io.medvie.blobstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
    @TempDir Path root;

    @Test
    void storesByHashAndReadsBack() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        byte[] bytes = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        BlobStore.BlobRef ref = store.put(bytes);

        assertThat(ref.sha256()).isEqualTo(expected);
        assertThat(ref.uri()).isEqualTo("blob:sha256:" + expected);
        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(store.exists(ref.uri())).isTrue();
        assertThat(store.read(ref.uri())).isEqualTo(bytes);
        assertThat(store.put(bytes)).isEqualTo(ref);
        assertThat(filesUnder(root.resolve("sha256"))).isEqualTo(1);
        assertThat(filesUnder(root.resolve("tmp"))).isZero();
    }

    @Test
    void overSizeLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(filesUnder(root)).isZero();
    }

    @Test
    void discardedStageLeavesNothingAndIsNotVisible() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        String uri;
        try (BlobStore.Staged staged =
                store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
            uri = BlobStore.uriOf(staged.sha256());
            assertThat(staged.open().readAllBytes()).containsExactly(1, 2, 3);
            assertThat(store.exists(uri)).isFalse();
        }
        assertThat(store.exists(uri)).isFalse();
        assertThat(filesUnder(root)).isZero();
        assertThatThrownBy(() -> store.open(uri)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void refusesForeignUris() {
        FileBlobStore store = new FileBlobStore(root);
        assertThatThrownBy(() -> store.open("file:///etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("blob:sha256:../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long filesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
