package com.novapos.edge.peripherals;

import com.fazecast.jSerialComm.SerialPort;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a port is opened: baud rate, the frame ({@code 8N1}, {@code 7E1}, {@code 8O2}, {@code 8N1.5})
 * and flow control, as jSerialComm's constants.
 */
record SerialSettings(int baud, int dataBits, int parity, int stopBits, int flowControl) {

    private static final Pattern FRAME = Pattern.compile("([5-8])([NEOMS])(1|1\\.5|2)");

    /** @throws IllegalArgumentException for a baud rate that is not positive or a frame that is not like 8N1 */
    static SerialSettings of(int baud, String frame) {
        return of(baud, frame, PeripheralsProperties.FlowControl.NONE);
    }

    /** @throws IllegalArgumentException for a baud rate that is not positive or a frame that is not like 8N1 */
    static SerialSettings of(int baud, String frame, PeripheralsProperties.FlowControl flow) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, not " + baud);
        }
        Matcher m = FRAME.matcher(frame == null ? "" : frame.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("frame must be like 8N1 or 7E1 (data bits 5-8, parity N/E/O/M/S, "
                    + "stop bits 1, 1.5 or 2), not '" + frame + "'");
        }
        int parity;
        switch (m.group(2)) {
            case "E":
                parity = SerialPort.EVEN_PARITY;
                break;
            case "O":
                parity = SerialPort.ODD_PARITY;
                break;
            case "M":
                parity = SerialPort.MARK_PARITY;
                break;
            case "S":
                parity = SerialPort.SPACE_PARITY;
                break;
            default:
                parity = SerialPort.NO_PARITY;
        }
        int stopBits;
        switch (m.group(3)) {
            case "2":
                stopBits = SerialPort.TWO_STOP_BITS;
                break;
            case "1.5":
                stopBits = SerialPort.ONE_POINT_FIVE_STOP_BITS;
                break;
            default:
                stopBits = SerialPort.ONE_STOP_BIT;
        }
        int flowControl;
        if (flow == PeripheralsProperties.FlowControl.RTS_CTS) {
            flowControl = SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        } else if (flow == PeripheralsProperties.FlowControl.XON_XOFF) {
            flowControl = SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        } else {
            flowControl = SerialPort.FLOW_CONTROL_DISABLED;
        }
        return new SerialSettings(baud, Integer.parseInt(m.group(1)), parity, stopBits, flowControl);
    }
}
