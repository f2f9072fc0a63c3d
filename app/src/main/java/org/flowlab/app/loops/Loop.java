package org.flowlab.app.loops;

import java.util.List;

/**
 * A feedback loop found in a scenario: a closed chain of causal links, where it sits on the canvas and where its
 * activity is read from.
 *
 * @param id     "R1", "B2": R for reinforcing, B for balancing, numbered in the order the loops were found
 * @param kind   the mechanism that closes the loop
 * @param anchor what the canvas draws it next to: {@code node:<id>}, {@code edge:<from>><to>} or
 *               {@code stock:<part>.<stock>}
 * @param prefix the metric prefix its activity is read from (a caller, a server, an autoscaler, a stock)
 * @param target the part the loop acts on (the callee, the scaled server, the stock-and-flow part)
 * @param links  the chain, each link's {@code to} being the next one's {@code from}, the last closing on the first
 * @param story  what the loop does, in a sentence or two for the info card
 * @param latent true when the scenario does not configure the mechanism that closes the loop but it can be switched
 *               on live (retries on a caller with a timeout, a breaker on any caller): the loop is known from the
 *               start, keeps its number, and takes part once the mechanism is on
 */
public record Loop(String id, LoopKind kind, String anchor, String prefix, String target, List<Link> links,
                   String story, boolean latent) {
  /** A loop whose mechanism the scenario configures. */
  public Loop(String id, LoopKind kind, String anchor, String prefix, String target, List<Link> links, String story) {
    this(id, kind, anchor, prefix, target, links, story, false);
  }

  public Loop {
    links = List.copyOf(links);
    if (links.isEmpty()) {
      throw new IllegalArgumentException("a loop needs at least one link");
    }
    for (int i = 0; i < links.size(); i++) {
      Link next = links.get((i + 1) % links.size());
      if (!links.get(i).to().equals(next.from())) {
        throw new IllegalArgumentException("loop " + id + " is not closed: " + links.get(i).to() + " does not lead to "
            + next.from());
      }
    }
  }

  /** Reinforcing when the chain has an even number of "−" links, balancing when odd (the causal-loop rule). */
  public boolean reinforcing() {
    return links.stream().filter(l -> !l.positive()).count() % 2 == 0;
  }

  /** The variables around the loop, in order. */
  public List<String> variables() {
    return links.stream().map(Link::from).toList();
  }

  /** The chain written out: "load →+ latency →+ timeouts →+ retries →+ load". */
  public String chain() {
    StringBuilder s = new StringBuilder(links.get(0).from());
    for (Link l : links) {
      s.append(" →").append(l.sign()).append(' ').append(l.to());
    }
    return s.toString();
  }
}
