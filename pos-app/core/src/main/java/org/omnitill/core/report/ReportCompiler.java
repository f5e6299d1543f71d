package org.omnitill.core.report;

import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles the report layout at build time (the core module's {@code process-classes} phase runs
 * it), so no till ever compiles a report at runtime: {@code ReportCompiler SOURCE.jrxml TARGET.jasper}.
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    public static void main(String[] args) throws JRException, java.io.IOException {
        if (args.length != 2) {
            System.err.println("usage: ReportCompiler SOURCE.jrxml TARGET.jasper");
            System.exit(2);
        }
        Path target = Path.of(args[1]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        JasperCompileManager.compileReportToFile(args[0], target.toString());
        System.out.println("compiled " + args[0] + " -> " + target);
    }
}
