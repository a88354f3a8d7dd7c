package com.easydesk.attachment;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The beginning of a text file, decoded for showing as escaped text. UTF-8 when the bytes are valid UTF-8
 * (or carry a byte order mark), otherwise Windows-1251, the other encoding Russian text files come in.
 *
 * @param text      the decoded text
 * @param truncated whether the file goes on past what is shown
 */
public record TextPreview(String text, boolean truncated) {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    static TextPreview decode(byte[] bytes, int length, boolean truncated) {
        if (startsWith(bytes, length, 0xEF, 0xBB, 0xBF)) {
            return new TextPreview(utf8(bytes, 3, length, truncated), truncated);
        }
        if (startsWith(bytes, length, 0xFE, 0xFF) || startsWith(bytes, length, 0xFF, 0xFE)) {
            return new TextPreview(new String(bytes, 0, length, StandardCharsets.UTF_16), truncated);
        }
        String text = utf8(bytes, 0, length, truncated);
        return new TextPreview(text != null ? text : new String(bytes, 0, length, WINDOWS_1251), truncated);
    }

    /** The bytes as UTF-8, or null when they are not; a character cut in half at the end is dropped. */
    private static String utf8(byte[] bytes, int offset, int length, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length - offset);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        boolean cutAtTheEnd = truncated && in.position() >= length - 3;
        if (result.isError() && !cutAtTheEnd) {
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
