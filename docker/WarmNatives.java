// Run once at image build time (java WarmNatives.java, with the service's class path) so that
// the native libraries inside the jars are unpacked into the image instead of into every
// container's writable layer at each first start: PyTorch's (about 430 MB, into DJL_CACHE_DIR)
// and Tesseract's and Leptonica's (into org.bytedeco.javacpp.cachedir). Nothing is downloaded:
// DJL runs offline and every native comes from a jar on the class path.
public class WarmNatives {
    public static void main(String[] args) throws Exception {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            throw new IllegalStateException("run with -Dai.djl.offline=true");
        }
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        System.out.println("PyTorch " + engine.getVersion() + " ready, GPUs: " + engine.getGpuCount());
        org.bytedeco.javacpp.Loader.load(org.bytedeco.tesseract.global.tesseract.class);
        System.out.println("Tesseract natives ready");
    }
}
