import { describe, expect, it } from "vitest";
import { csvRows, downloadName, extensionOf, hexHead, imageMime, prettyJson, previewBytes, previewKind, textHead } from "./preview";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("preview kind", () => {
  it.each([
    ["cfg.json", null, "json"],
    ["ood-samples", "file:///data/ood.CSV", "csv"],
    ["loss-plot", "s3://b/plots/loss.png?versionId=3", "image"],
    ["clusters.tsv", null, "tsv"],
    ["run.log", null, "text"],
    ["EKE-ResNet", "file:///models/it1.pt", "unknown"],
    ["model", null, "unknown"],
  ] as const)("%s (%s) is %s", (name, uri, kind) => {
    expect(previewKind(name, uri)).toBe(kind);
  });

  it("fetches small images whole, large ones not at all, and a 64 KiB head of the rest", () => {
    expect(previewBytes("image", 1000)).toBe(1000);
    expect(previewBytes("image", 9 * 1024 * 1024)).toBe(0);
    expect(previewBytes("csv", 10)).toBe(10);
    expect(previewBytes("unknown", 10 ** 9)).toBe(64 * 1024);
    expect(extensionOf("x", "file:///a.b/c")).toBe("");
  });
});

describe("text heads", () => {
  it("drops the partial last line of a truncated head, keeps a whole file as is", () => {
    expect(textHead(utf8("a,b\n1,2\n3,"), true)).toBe("a,b\n1,2\n");
    expect(textHead(utf8("a,b\n1,2\n3,"), false)).toBe("a,b\n1,2\n3,");
  });

  it("treats NUL bytes and invalid UTF-8 as binary, but not a multi-byte character the cut split", () => {
    expect(textHead(new Uint8Array([0x80, 0x02, 0x63, 0x00]), false)).toBeNull();
    expect(textHead(new Uint8Array([0xff, 0xfe, 0x41]), false)).toBeNull();
    const bytes = utf8("Δt=0.5 µs"); // µ is two bytes; cut inside it
    expect(textHead(bytes.subarray(0, bytes.length - 2), true)).toBe("Δt=0.5 ");
    expect(textHead(bytes.subarray(0, bytes.length - 2), false)).toBeNull();
  });

  it("pretty-prints a whole JSON document and leaves a truncated one raw", () => {
    expect(prettyJson('{"lr":0.001,"arch":"resnet"}', false)).toEqual({ text: '{\n  "lr": 0.001,\n  "arch": "resnet"\n}', parsed: true });
    expect(prettyJson('{"lr":0.0', true)).toEqual({ text: '{"lr":0.0', parsed: false });
  });
});

describe("csvRows", () => {
  it("splits rows and fields, with quotes, CRLF and a row limit", () => {
    expect(csvRows('id,name,note\r\n1,"a, b","say ""hi"""\n2,c,"two\nlines"\n')).toEqual([
      ["id", "name", "note"],
      ["1", "a, b", 'say "hi"'],
      ["2", "c", "two\nlines"],
    ]);
    expect(csvRows("a\tb\n1\t2", "\t")).toEqual([["a", "b"], ["1", "2"]]);
    expect(csvRows("1\n2\n3\n4\n", ",", 2)).toEqual([["1"], ["2"]]);
  });
});

describe("images and binaries", () => {
  it("recognises image types by their magic numbers only", () => {
    expect(imageMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(imageMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(imageMime(utf8("GIF89a"))).toBe("image/gif");
    expect(imageMime(utf8("RIFF....WEBPVP8 "))).toBe("image/webp");
    expect(imageMime(utf8("<svg onload=alert(1)>"))).toBeNull();
    expect(hexHead(new Uint8Array([0x80, 0x02, 0x63, 0x0a]))).toBe("80 02 63 0a");
  });

  it("names downloads after the uri's file, else the artifact", () => {
    expect(downloadName("EKE-ResNet", "file:///models/it%201.pt")).toBe("it 1.pt");
    expect(downloadName("EKE/ResNet", null)).toBe("EKE_ResNet");
    expect(downloadName("m", "file:///models/%zz.pt")).toBe("%zz.pt");
  });
});
