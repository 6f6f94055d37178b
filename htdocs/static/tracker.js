/*
 * Optional help for the forms; everything works without it.
 *
 * The people type-ahead: a text field with data-search="/people/search.json"
 * (and maybe "?set=parliamentarians") becomes an ARIA combobox.  As the
 * user types it asks the server for a few matching people and lists them
 * below the field; Up and Down move through the list, Enter chooses,
 * Escape closes it, and a mouse click works too.  What choosing does is
 * the field's data-pick:
 *
 *   add   the person is added at once as a ticked box (name="person_id",
 *         their id), and the field empties for the next one: the
 *         engagement form's People;
 *   fill  the field gets the name as the server resolves it on save
 *         ("Name", or "Name #id" for namesakes): the APPG forms.
 *
 * Without this script the same fields take a typed name, which the server
 * looks up when the form is posted.
 */
(function () {
	"use strict";

	var DELAY_MS = 120;	/* wait for a pause in typing */
	var LIMIT = 20;
	var uid = 0;

	function chosenList(input) {
		var field = input.closest(".field");
		var ul = field.querySelector("ul.chosen");
		if (!ul) {
			ul = document.createElement("ul");
			ul.className = "chosen";
			(input.closest(".add-row") || input).before(ul);
		}
		return ul;
	}

	/* The engagement form's People: a ticked box per person chosen. */
	function addPerson(input, m) {
		var ul = chosenList(input);
		var boxes = ul.querySelectorAll("input[name=person_id]");
		for (var i = 0; i < boxes.length; i++)
			if (boxes[i].value === String(m.id)) {
				boxes[i].checked = true;
				return;
			}
		var li = document.createElement("li");
		var box = document.createElement("input");
		var label = document.createElement("label");
		box.type = "checkbox";
		box.name = "person_id";
		box.value = String(m.id);
		box.checked = true;
		box.id = "f-person-added-" + (++uid);
		label.htmlFor = box.id;
		label.textContent = m.name + (m.hint ? " (" + m.hint + ")" : "");
		li.append(box, label);
		ul.append(li);
	}

	function combobox(input) {
		var listId = input.id + "-matches";
		var list = document.createElement("ul");
		var status = document.createElement("p");
		var matches = [], active = -1, timer = null, asked = 0, shown = "";

		list.id = listId;
		list.className = "typeahead";
		list.setAttribute("role", "listbox");
		list.setAttribute("aria-label", "Matching people");
		list.hidden = true;
		status.className = "visually-hidden";
		status.setAttribute("aria-live", "polite");
		(input.closest(".add-row") || input).after(list, status);
		input.setAttribute("role", "combobox");
		input.setAttribute("aria-autocomplete", "list");
		input.setAttribute("aria-controls", listId);
		input.setAttribute("aria-expanded", "false");

		/* Closed: answers still on their way are for nothing now. */
		function close() {
			clearTimeout(timer);
			asked++;
			shown = "";
			list.hidden = true;
			active = -1;
			input.setAttribute("aria-expanded", "false");
			input.removeAttribute("aria-activedescendant");
		}

		function highlight(i) {
			var items = list.children;
			if (active >= 0 && items[active])
				items[active].setAttribute("aria-selected", "false");
			active = i;
			if (i < 0) {
				input.removeAttribute("aria-activedescendant");
				return;
			}
			items[i].setAttribute("aria-selected", "true");
			input.setAttribute("aria-activedescendant", items[i].id);
			items[i].scrollIntoView({ block: "nearest" });
		}

		function choose(i) {
			var m = matches[i];
			close();
			if (input.dataset.pick === "add") {
				addPerson(input, m);
				input.value = "";
				status.textContent = m.name + " added.";
			} else {
				input.value = m.value;
			}
			input.focus();
		}

		/*
		 * Answers come back as the user types on: one with the same
		 * people as shown changes nothing, so the option the user has
		 * moved to stays chosen; otherwise it stays if still listed.
		 */
		function show(found) {
			var key = found.map(function (m) { return m.id; }).join();
			var was = active >= 0 ? matches[active].id : null;
			if (key === shown && !list.hidden)
				return;
			shown = key;
			matches = found;
			list.replaceChildren();
			found.forEach(function (m, i) {
				var li = document.createElement("li");
				var hint = document.createElement("span");
				li.id = listId + "-" + i;
				li.setAttribute("role", "option");
				li.setAttribute("aria-selected", "false");
				li.textContent = m.name;
				hint.className = "hint";
				hint.textContent = m.hint;
				li.append(" ", hint);
				li.addEventListener("mousedown", function (ev) {
					ev.preventDefault();	/* keep the focus */
					choose(i);
				});
				list.append(li);
			});
			active = -1;
			found.forEach(function (m, i) {
				if (m.id === was)
					highlight(i);
			});
			list.hidden = found.length === 0;
			input.setAttribute("aria-expanded",
			    found.length ? "true" : "false");
			status.textContent = found.length === 0 ? "No matches." :
			    found.length + (found.length === 1 ? " match" :
			    " matches") + ": use the up and down keys to choose.";
		}

		function search() {
			var q = input.value.trim(), n = ++asked;
			var url = input.dataset.search;
			if (q === "") {
				show([]);
				status.textContent = "";
				return;
			}
			url += (url.indexOf("?") < 0 ? "?" : "&") + "limit=" +
			    LIMIT + "&q=" + encodeURIComponent(q);
			fetch(url, { credentials: "same-origin",
			    headers: { Accept: "application/json" } })
			    .then(function (r) {
				if (!r.ok)
					throw new Error("search answered " + r.status);
				return r.json();
			    })
			    .then(function (body) {
				if (n === asked && document.activeElement === input)
					show(body.people || []);
			    })
			    .catch(function () {
				close();	/* typing the name still works */
			    });
		}

		input.addEventListener("input", function () {
			clearTimeout(timer);
			timer = setTimeout(search, DELAY_MS);
		});
		input.addEventListener("keydown", function (ev) {
			var open = !list.hidden && matches.length > 0;
			if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
				if (!open && !(ev.key === "ArrowDown" &&
				    matches.length > 0))
					return;
				ev.preventDefault();
				if (!open) {
					list.hidden = false;
					input.setAttribute("aria-expanded", "true");
				}
				/* Past either end: back to the field (-1). */
				var next = active + (ev.key === "ArrowDown" ? 1 : -1);
				if (next >= matches.length)
					next = -1;
				else if (next < -1)
					next = matches.length - 1;
				highlight(next);
			} else if (ev.key === "Enter" && open && active >= 0) {
				ev.preventDefault();	/* choose, not submit */
				choose(active);
			} else if (ev.key === "Escape" && open) {
				ev.preventDefault();
				close();
			}
		});
		input.addEventListener("blur", close);
	}

	var fields = document.querySelectorAll("input[data-search]");
	for (var i = 0; i < fields.length; i++)
		if (fields[i].id)
			combobox(fields[i]);
}());
