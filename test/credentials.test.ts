// Credentials a request sends are masked wherever an answer repeats them, and the record
// of the request describes them without the run's token.
import { describe, expect, it } from "vitest";
import { authorizationFor, redact } from "../src/http/credentials.ts";

const own = { accountSid: "AC0123", authToken: "s3cr3t-token-value" };
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("credentials", () => {
  it("redacts the run's token inside another account's pair and records $TWILIO_AUTH_TOKEN", () => {
    const sent = authorizationFor({ user: "AC9999", ownToken: true }, own);
    expect(sent.header).toBe(`Basic ${b64("AC9999:s3cr3t-token-value")}`);
    expect(JSON.stringify(sent.recorded)).not.toContain("s3cr3t");
    expect(sent.recorded?.curl).toEqual(["-u", '"AC9999:$TWILIO_AUTH_TOKEN"']);
    const echoed = redact(`you sent ${sent.header}`, sent.secrets);
    expect(echoed).toEqual({ text: "you sent [REDACTED]", echoed: true });
  });

  it("treats a raw header, its credentials and a password inside them as secrets", () => {
    const sent = authorizationFor({ header: `Basic ${b64("AC1:hunter22")}` }, own);
    expect(redact("password hunter22", sent.secrets)).toEqual({
      text: "password [REDACTED]",
      echoed: true,
    });
    expect(redact("nothing here", sent.secrets)).toEqual({ text: "nothing here", echoed: false });
    expect(authorizationFor({ header: "" }, own).recorded?.note).toBe(
      "an empty Authorization header",
    );
  });

  it("sends nothing for none and the run's own pair by default", () => {
    expect(authorizationFor("none", own).header).toBeUndefined();
    expect(authorizationFor(undefined, own).header).toBe(
      `Basic ${b64("AC0123:s3cr3t-token-value")}`,
    );
  });
});
