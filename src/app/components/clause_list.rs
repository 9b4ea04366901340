//! The contract as clauses, in the user's own text and numbering. Re-renders
//! only when a new analysis arrives. Each clause is one keyed element, built
//! from markup (made and escaped by `mc2::review::clause_html`) and keyed by
//! its content: a re-analysis reuses the very DOM element of every clause
//! whose text, status and redline are unchanged (not touched, not moved
//! unless clauses were inserted before it), and the browser parses all new
//! clauses in one `innerHTML` call (a 100-page paste makes ~1,800 at once;
//! one parse is several times cheaper than one per clause).

use crate::app::analysis::Analysis;
use mc2::review::{clause_html, view};
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::Node;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Rc<Analysis>,
}

/// Parse the markup of every new clause at once: one element per clause, in
/// order, or `None` if the browser did not give exactly that.
fn parse_all(markup: &str, count: usize) -> Option<Vec<Node>> {
    let host = gloo::utils::document().create_element("div").ok()?;
    host.set_inner_html(markup);
    let mut out = Vec::with_capacity(count);
    let mut cur = host.first_element_child();
    while let Some(el) = cur {
        cur = el.next_element_sibling();
        out.push(Node::from(el));
    }
    (out.len() == count).then_some(out)
}

#[function_component(ClauseList)]
pub fn clause_list(p: &Props) -> Html {
    // Key → the clause element shown for it in the previous render.
    let shown = use_mut_ref(HashMap::<String, Node>::new);
    let a = &p.analysis;
    let text: &str = a.text.as_str();
    if text.trim().is_empty() {
        shown.borrow_mut().clear();
        return html! {
            <p class="empty">{ "No contract yet. Paste or type it above, open a .txt or .md file, drop one here, or load the sample." }</p>
        };
    }
    let empty = view::ClauseInfo::default();
    let htmls: Vec<String> = a
        .report
        .clauses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let info = a.infos.get(i).unwrap_or(&empty);
            let runs = view::runs(text, a.ranges[i], &info.phrases, &a.marks);
            clause_html::clause_html(c.depth, info, &runs)
        })
        .collect();
    let keys = clause_html::keys(&htmls);

    let mut old = std::mem::take(&mut *shown.borrow_mut());
    let mut nodes: Vec<Option<Node>> = keys.iter().map(|k| old.remove(k)).collect();
    let missing: Vec<usize> = (0..nodes.len()).filter(|i| nodes[*i].is_none()).collect();
    if !missing.is_empty() {
        let markup: String = missing.iter().map(|i| htmls[*i].as_str()).collect();
        if let Some(parsed) = parse_all(&markup, missing.len()) {
            for (i, n) in missing.iter().zip(parsed) {
                nodes[*i] = Some(n);
            }
        }
    }
    let mut now = HashMap::with_capacity(keys.len());
    let items: Vec<Html> = htmls
        .into_iter()
        .zip(nodes)
        .zip(keys)
        .map(|((h, node), k)| {
            let child = match node {
                Some(n) => {
                    now.insert(k.clone(), n.clone());
                    Html::VRef(n)
                }
                // Only if the one-parse path failed: this clause parses on its own.
                None => Html::from_html_unchecked(AttrValue::from(h)),
            };
            VList::with_children(vec![child], Some(Key::from(k))).into()
        })
        .collect();
    *shown.borrow_mut() = now;
    html! {
        <div class="clauses" aria-label="Contract clauses">
            { VList::with_children(items, None) }
        </div>
    }
}
