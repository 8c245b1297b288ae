// An entity search box with suggestions as you type (GET /v1/entities?q=), keyboard-navigable:
// ArrowDown/ArrowUp move, Enter picks, Escape closes (a second Escape clears, a third leaves the box).
import { ApiError, api } from "./api";
import { clear, h } from "./dom";
import { typeStyle } from "./theme";
import type { Entity, ScoredEntity } from "./types";

let counter = 0;

export class EntitySearch {
  private readonly list: HTMLUListElement;
  private items: ScoredEntity[] = [];
  private active = -1;
  private timer: number | undefined;
  private controller: AbortController | null = null;
  private lastQuery = "";
  private readonly prefix: string;

  constructor(
    readonly input: HTMLInputElement,
    private readonly onPick: (e: Entity) => void,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.prefix = `opt${++counter}`;
    this.list = h("ul", { class: "suggestions", role: "listbox", id: `${this.prefix}-list`, hidden: true });
    input.after(this.list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.autocomplete = "off";
    input.spellcheck = false;
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (e) => this.key(e));
    input.addEventListener("focus", () => {
      if (this.items.length && input.value.trim() === this.lastQuery) this.open();
    });
    input.addEventListener("blur", () => window.setTimeout(() => this.close(), 120));
  }

  /** Shows an entity's name in the box without searching. */
  show(e: Entity | null): void {
    this.input.value = e ? e.name : "";
    this.input.dataset.entityId = e ? e.id : "";
    this.lastQuery = "";
    this.items = [];
    this.close();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.input.dataset.entityId = "";
    const q = this.input.value.trim();
    if (!q) {
      this.controller?.abort();
      this.items = [];
      this.close();
      return;
    }
    this.timer = window.setTimeout(() => void this.run(q), 140);
  }

  private async run(q: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status("Searching…");
    try {
      const page = await api.search(q, controller.signal);
      if (controller.signal.aborted) return;
      this.lastQuery = q;
      this.items = page.items;
      this.active = page.items.length ? 0 : -1;
      this.render(q, page.total);
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") return;
      this.items = [];
      this.status(err instanceof ApiError ? err.explain() : `Search failed: ${String(err)}`, true);
      this.onError(err);
    }
  }

  private status(text: string, error = false): void {
    clear(this.list);
    this.list.append(h("li", { class: error ? "status error" : "status", role: "presentation" }, text));
    this.open();
  }

  private render(q: string, total: number): void {
    clear(this.list);
    if (!this.items.length) {
      this.status(`No entity matches “${q}”.`);
      return;
    }
    this.items.forEach((e, i) => {
      const alias = e.aliases.find((a) => a.toLowerCase().includes(q.toLowerCase()) && a !== e.name);
      const li = h(
        "li",
        {
          id: `${this.prefix}-${i}`,
          role: "option",
          class: "option",
          "aria-selected": i === this.active ? "true" : "false",
          "data-id": e.id,
          onmousedown: ((ev: MouseEvent) => {
            ev.preventDefault();
            this.pick(i);
          }) as EventListener,
          onmousemove: (() => this.highlight(i)) as EventListener,
        },
        h("span", { class: "swatch", style: `background:${typeStyle(e.type).color}` }),
        h(
          "span",
          { class: "option-main", title: alias ? `${e.name} (aka ${alias})` : e.name },
          h("span", { class: "option-name" }, e.name),
          alias ? h("span", { class: "option-alias" }, ` aka ${alias}`) : null,
        ),
        h("span", { class: "option-type" }, e.type),
      );
      this.list.append(li);
    });
    if (total > this.items.length) {
      this.list.append(h("li", { class: "status", role: "presentation" }, `${total - this.items.length} more — refine the search`));
    }
    this.open();
    this.highlight(this.active);
  }

  private highlight(i: number): void {
    this.active = i;
    const options = this.list.querySelectorAll<HTMLLIElement>("li.option");
    options.forEach((li, k) => li.setAttribute("aria-selected", k === i ? "true" : "false"));
    const current = options[i];
    if (current) {
      this.input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }

  private key(e: KeyboardEvent): void {
    const openNow = !this.list.hidden;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp": {
        e.preventDefault();
        if (!openNow) {
          if (this.items.length) this.open();
          else this.schedule();
          return;
        }
        const n = this.items.length;
        if (!n) return;
        const step = e.key === "ArrowDown" ? 1 : -1;
        this.highlight((this.active + step + n) % n);
        return;
      }
      case "Enter": {
        e.preventDefault();
        window.clearTimeout(this.timer);
        const q = this.input.value.trim();
        if (this.items.length && q === this.lastQuery) this.pick(Math.max(this.active, 0));
        else if (q) void this.run(q).then(() => this.items.length && this.pick(Math.max(this.active, 0)));
        return;
      }
      case "Escape":
        // an empty box lets Escape through (it closes the sheet the box is on)
        if (openNow) this.close();
        else if (this.input.value) this.show(null);
        else return;
        e.preventDefault();
        return;
      case "Tab":
        this.close();
        return;
      default:
    }
  }

  private pick(i: number): void {
    const e = this.items[i];
    if (!e) return;
    this.show(e);
    this.onPick(e);
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
