package dev.sqlmodel.it.data;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** A repository with a query on an attribute {@link Gadget} does not have: its deployment must fail. */
@Repository
public interface BrokenGadgets extends DataRepository<Gadget, Long> {
    List<Gadget> findByColour(String colour);
}
