/**
 * JMH benchmarks of the Flowlab engine.
 *
 * <p>Benchmarks are ordinary {@code @Benchmark} classes in this package; the JMH annotation
 * processor (configured in {@code bench/pom.xml}) generates the harness at compile time, and
 * {@code maven-shade-plugin} bundles everything into {@code bench/target/benchmarks.jar}:
 *
 * <pre>
 * ./mvnw -B -pl bench -am -DskipTests package
 * java -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>The machine has 2 cores: keep forks at 1 and compare runs made on the same machine.
 */
package org.flowlab.bench;
